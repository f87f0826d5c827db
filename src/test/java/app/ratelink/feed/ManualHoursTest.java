package app.ratelink.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.ratelink.catalog.DirectionFlag;

class ManualHoursTest {

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    @Test
    void parsesAWindowAndRefusesAnythingElse() {
        assertThat(ManualHours.parse("09:00-21:30")).contains(new ManualHours(LocalTime.of(9, 0), LocalTime.of(21, 30)));
        assertThat(ManualHours.parse(" 22:00-06:00 ")).isPresent();
        assertThat(ManualHours.parse("")).isEmpty();
        assertThat(ManualHours.parse(null)).isEmpty();
        assertThat(ManualHours.parse("9-21")).isEmpty();
        assertThat(ManualHours.parse("24:00-06:00")).isEmpty();
        assertThat(ManualHours.parse("10:00-10:00")).as("an empty window would hide them for ever").isEmpty();
    }

    @Test
    void aDayWindowIsOpenFromItsStartUntilBeforeItsEndInTheSettingsZone() {
        ManualHours hours = ManualHours.parse("09:00-21:00").orElseThrow();
        // 06:00 UTC is 09:00 in Moscow (UTC+3).
        assertThat(hours.open(Instant.parse("2026-03-10T05:59:59Z"), MOSCOW)).isFalse();
        assertThat(hours.open(Instant.parse("2026-03-10T06:00:00Z"), MOSCOW)).isTrue();
        assertThat(hours.open(Instant.parse("2026-03-10T17:59:59Z"), MOSCOW)).isTrue();
        assertThat(hours.open(Instant.parse("2026-03-10T18:00:00Z"), MOSCOW)).isFalse();
        assertThat(hours.open(Instant.parse("2026-03-10T06:00:00Z"), ZoneOffset.UTC)).isFalse();
    }

    @Test
    void aNightWindowRunsOverMidnight() {
        ManualHours hours = ManualHours.parse("22:00-06:00").orElseThrow();
        assertThat(hours.open(Instant.parse("2026-03-10T23:00:00Z"), ZoneOffset.UTC)).isTrue();
        assertThat(hours.open(Instant.parse("2026-03-10T03:00:00Z"), ZoneOffset.UTC)).isTrue();
        assertThat(hours.open(Instant.parse("2026-03-10T12:00:00Z"), ZoneOffset.UTC)).isFalse();
    }

    @Test
    void theLastTurnIsTheLatestOpeningOrClosingSoEveryNodeDatesTheFileAlike() {
        ManualHours hours = ManualHours.parse("09:00-21:00").orElseThrow();
        assertThat(hours.lastTurn(Instant.parse("2026-03-10T12:00:00Z"), MOSCOW)).isEqualTo("2026-03-10T06:00:00Z");
        assertThat(hours.lastTurn(Instant.parse("2026-03-10T20:00:00Z"), MOSCOW)).isEqualTo("2026-03-10T18:00:00Z");
        assertThat(hours.lastTurn(Instant.parse("2026-03-10T02:00:00Z"), MOSCOW)).isEqualTo("2026-03-09T18:00:00Z");
        assertThat(hours.lastTurn(Instant.parse("2026-03-10T06:00:00Z"), MOSCOW)).isEqualTo("2026-03-10T06:00:00Z");
    }

    @Test
    void outsideTheHoursTheManualDirectionsAreLeftOutAndTheRestStays() {
        FeedProfile profile = FeedCatalogFixture.profile(XmlFlavour.CLASSIC, Map.of());
        List<FeedLine> open = FeedLines.of(FeedCatalogFixture.CURRENCIES, FeedCatalogFixture.DIRECTIONS, profile, true);
        List<FeedLine> closed = FeedLines.of(FeedCatalogFixture.CURRENCIES, FeedCatalogFixture.DIRECTIONS, profile, false);
        assertThat(open).anyMatch(l -> l.flags().contains(DirectionFlag.MANUAL));
        assertThat(closed).noneMatch(l -> l.flags().contains(DirectionFlag.MANUAL))
                .hasSize(open.size() - (int) open.stream().filter(l -> l.flags().contains(DirectionFlag.MANUAL)).count())
                .isNotEmpty();
    }
}
