package app.ratelink.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import app.ratelink.catalog.DirectionFlag;
import app.ratelink.catalog.Fee;

/**
 * The JSON feed's fees as the jsons.info exchanges-json 1.3 format names them (docs/adr/0006): {@code inFee} on
 * what the client sends, {@code outFee} on what the client gets; absolute "2", percent "0.5%", both on one pair.
 */
class FeedJsonFeesTest {

    static FeedLine line(String from, String to, Fee minFee, Fee fromFee, Fee toFee) {
        return new FeedLine(from, to, new BigDecimal("1"), new BigDecimal("0.97"), new BigDecimal("1000"),
                new BigDecimal("10"), new BigDecimal("500"), new BigDecimal("9.7"), new BigDecimal("485"), "USD", "EUR",
                minFee, fromFee, toFee, EnumSet.of(DirectionFlag.MANUAL), null);
    }

    static String item(Fee minFee, Fee fromFee, Fee toFee) {
        String json = FeedWriters.json(List.of(line("PMUSD", "PMEUR", minFee, fromFee, toFee)));
        return json.substring(json.indexOf("\"exchange\":"));
    }

    @Test
    void absoluteFeesAreBareNumbersInTheirCurrency() {
        assertThat(item(null, Fee.parse("2"), null)).isEqualTo("\"exchange\":{\"1\":{\"to\":{\"2\":{\"xr\":-0.97,"
                + "\"amount\":\"1000\",\"min\":\"10\",\"max\":\"500\",\"inFee\":\"2\",\"options\":{\"manual\":1}}}}}}");
        assertThat(item(null, null, Fee.parse("0.0002"))).contains("\"max\":\"500\",\"outFee\":\"0.0002\",\"options\"")
                .doesNotContain("inFee");
    }

    @Test
    void percentFeesCarryThePercentSign() {
        assertThat(item(null, Fee.parse("0.5 %"), null)).contains("\"inFee\":\"0.5%\"").doesNotContain("outFee");
        assertThat(item(null, null, Fee.parse("1.50%"))).contains("\"outFee\":\"1.5%\"").doesNotContain("inFee");
    }

    @Test
    void bothSidesOfOnePairAreWrittenInOrderInThenOut() {
        assertThat(item(Fee.parse("1"), Fee.parse("0.5%"), Fee.parse("3"))).contains(
                "\"max\":\"500\",\"inFee\":\"0.5%\",\"outFee\":\"3\",\"options\":{\"manual\":1}");
        assertThat(item(null, Fee.parse("10"), Fee.parse("0.1%"))).contains("\"inFee\":\"10\",\"outFee\":\"0.1%\"");
    }

    @Test
    void noFeeNoField() {
        assertThat(item(null, null, null)).doesNotContain("Fee");
    }
}
