package app.ratelink.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import app.ratelink.catalog.Currency;
import app.ratelink.catalog.Direction;
import app.ratelink.catalog.DirectionFlag;
import app.ratelink.catalog.Fee;
import app.ratelink.catalog.Pricing;
import app.ratelink.catalog.Quote;

/**
 * The property monitorings rely on (ADR 0005): for random directions (fees of every kind, scales 0–18, rates
 * below and above 1) and random amounts within the limits, what an order gets ({@link Pricing#quote}, which
 * OrderPlacement locks on the order) equals what a monitoring computes from the published feed item, read back
 * from the XML, and is never more than the direction's exact rate and fees give.
 */
class PricingPropertyTest {

    private static final MathContext WIDE = new MathContext(80);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @Test
    void theOrderGetsExactlyWhatTheFeedItemPromisesAndNeverMore() throws Exception {
        Random random = new Random(20261201);
        int checked = 0;
        for (int run = 0; run < 3000; run++) {
            int fromScale = random.nextInt(19);
            int toScale = random.nextInt(19);
            Currency from = currency(1, "FROM", "FRM", fromScale);
            Currency to = currency(2, "TO", "TOU", toScale);
            // Prices from 1e-9 to 1e9, both sides arbitrary (neither need be 1).
            BigDecimal in = positive(random, 6, 8);
            BigDecimal out = in.multiply(BigDecimal.TEN.pow(random.nextInt(19) - 9, WIDE))
                    .multiply(positive(random, 2, 6)).round(new MathContext(12));
            out = out.setScale(Math.min(18, Math.max(0, out.scale())), RoundingMode.DOWN);
            if (out.signum() <= 0) {
                continue;
            }
            BigDecimal min = BigDecimal.ONE.movePointLeft(Math.min(fromScale, 2));
            BigDecimal max = min.multiply(BigDecimal.valueOf(1 + random.nextInt(100000)));
            Direction d = new Direction(1, "FROM", "TO", in, out, min, max, fee(random, fromScale), fee(random, fromScale),
                    fee(random, toScale), EnumSet.noneOf(DirectionFlag.class), List.of(), BigDecimal.ONE, null, null, true);
            List<FeedLine> lines = FeedLines.of(List.of(from, to), List.of(d),
                    FeedCatalogFixture.profile(XmlFlavour.CLASSIC, Map.of()));
            assertThat(lines).hasSize(1);
            Element item = (Element) DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(FeedWriters.classic(lines).getBytes(StandardCharsets.UTF_8)))
                    .getElementsByTagName("item").item(0);
            for (int a = 0; a < 5; a++) {
                BigDecimal give = between(random, min, max, fromScale);
                Quote quote = Pricing.quote(d, from, to, give);
                BigDecimal monitoring = monitoring(item, give, toScale);
                if (!quote.payable()) {
                    // Refused as too small to pay out: the monitoring sees nothing to pay either.
                    assertThat(monitoring.signum()).as("%s, give %s", d, give).isLessThanOrEqualTo(0);
                    continue;
                }
                assertThat(quote.get().amount()).as("%s, give %s", d, give).isEqualByComparingTo(monitoring);
                assertThat(quote.get().amount()).as("never more than the exact rate gives: %s, %s", d, give)
                        .isLessThanOrEqualTo(exact(d, give, toScale));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(5000);
    }

    /** What a monitoring computes from a BestChange classic item: the fees as the export format defines them. */
    private static BigDecimal monitoring(Element item, BigDecimal give, int toScale) {
        BigDecimal in = new BigDecimal(text(item, "in"));
        BigDecimal out = new BigDecimal(text(item, "out"));
        BigDecimal fromCharge = charge(text(item, "fromfee"), give).max(charge(text(item, "minfee"), give));
        BigDecimal gross = give.subtract(fromCharge).multiply(out).divide(in, WIDE);
        String toFee = text(item, "tofee");
        BigDecimal toCharge = charge(toFee, gross);
        return gross.subtract(toCharge).setScale(toScale, RoundingMode.FLOOR);
    }

    /** The same with the direction's own unrounded rate: what the exchanger really gives. */
    private static BigDecimal exact(Direction d, BigDecimal give, int toScale) {
        BigDecimal fromCharge = fee(d.fromFee(), give).max(fee(d.minFee(), give));
        BigDecimal gross = give.subtract(fromCharge).multiply(d.rateOut()).divide(d.rateIn(), WIDE);
        return gross.subtract(fee(d.toFee(), gross)).setScale(toScale, RoundingMode.FLOOR);
    }

    private static BigDecimal fee(Fee fee, BigDecimal base) {
        return fee == null ? BigDecimal.ZERO : fee.percent() ? base.multiply(fee.value()).divide(HUNDRED) : fee.value();
    }

    /** "2 USD" (absolute, in the item's unit) or "0.5 %" (of the base); null: none. */
    private static BigDecimal charge(String text, BigDecimal base) {
        if (text == null) {
            return BigDecimal.ZERO;
        }
        String[] parts = text.trim().split(" ");
        BigDecimal value = new BigDecimal(parts[0]);
        return parts.length > 1 && parts[1].equals("%") ? base.multiply(value).divide(HUNDRED) : value;
    }

    private static String text(Element item, String tag) {
        var nodes = item.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
    }

    private static Currency currency(long id, String code, String unit, int scale) {
        return new Currency(id, code, code, unit, scale, new BigDecimal("1e19"), BigDecimal.ONE, true, false,
                BigDecimal.ZERO, "", "", List.of());
    }

    /** No fee, an absolute fee at up to the currency's scale, or a percentage below 10. */
    private static Fee fee(Random random, int scale) {
        return switch (random.nextInt(3)) {
            case 0 -> null;
            case 1 -> new Fee(BigDecimal.valueOf(random.nextInt(1000)).movePointLeft(random.nextInt(scale + 1)), false);
            default -> new Fee(BigDecimal.valueOf(random.nextInt(1000)).movePointLeft(2), true);
        };
    }

    private static BigDecimal positive(Random random, int digits, int decimals) {
        BigDecimal v = BigDecimal.valueOf(1 + random.nextInt((int) Math.pow(10, digits) - 1));
        return v.movePointLeft(random.nextInt(decimals + 1));
    }

    private static BigDecimal between(Random random, BigDecimal min, BigDecimal max, int scale) {
        BigDecimal span = max.subtract(min);
        BigDecimal f = BigDecimal.valueOf(random.nextInt(1_000_001)).movePointLeft(6);
        BigDecimal v = min.add(span.multiply(f)).setScale(scale, RoundingMode.DOWN);
        return v.compareTo(min) < 0 ? min : v;
    }
}
