package app.ratelink.feed;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operator's working hours (SPEC §7: manual directions can be hidden outside them). A manual direction
 * needs a person to pay out; listed at night it collects orders nobody handles. "09:00-21:00" in the
 * settings' time zone; a window that ends before it starts runs over midnight ("22:00-06:00").
 */
record ManualHours(LocalTime start, LocalTime end) {

    private static final Pattern TEXT = Pattern.compile("([01]\\d|2[0-3]):([0-5]\\d)-([01]\\d|2[0-3]):([0-5]\\d)");

    /** Empty for blank text ("always listed") and for text that is not a window. */
    static Optional<ManualHours> parse(String text) {
        Matcher m = TEXT.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        LocalTime start = LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        LocalTime end = LocalTime.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)));
        return start.equals(end) ? Optional.empty() : Optional.of(new ManualHours(start, end));
    }

    boolean open(Instant at, ZoneId zone) {
        LocalTime t = at.atZone(zone).toLocalTime();
        return start.isBefore(end) ? !t.isBefore(start) && t.isBefore(end) : !t.isBefore(start) || t.isBefore(end);
    }

    /**
     * The latest opening or closing at or before {@code at}: the moment the feed last changed because of the
     * hours, the same on every node.
     */
    Instant lastTurn(Instant at, ZoneId zone) {
        LocalDate day = at.atZone(zone).toLocalDate();
        Instant latest = Instant.MIN;
        for (int back = 0; back <= 2; back++) {
            for (LocalTime t : new LocalTime[] {start, end}) {
                Instant turn = ZonedDateTime.of(day.minusDays(back), t, zone).toInstant();
                if (!turn.isAfter(at) && turn.isAfter(latest)) {
                    latest = turn;
                }
            }
        }
        return latest;
    }
}
