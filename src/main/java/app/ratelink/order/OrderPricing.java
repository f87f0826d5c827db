package app.ratelink.order;

import java.math.BigDecimal;
import java.util.Optional;

import app.ratelink.catalog.Currency;
import app.ratelink.catalog.Direction;
import app.ratelink.catalog.Pricing;
import app.ratelink.money.Money;

/**
 * What a client gets, by the one pricing rule ({@link Pricing}: the published rate, then the direction's fees,
 * rounded down at the scale of the currency paid out), and how people type amounts.
 */
public final class OrderPricing {

    private OrderPricing() {
    }

    public static Money amountGet(Direction direction, Currency from, Currency to, BigDecimal amountGive) {
        return Pricing.quote(direction, from, to, amountGive).get();
    }

    /** The largest amount of {@code from} whose payout fits into the available reserve of {@code to}. */
    public static Money maxGiveForReserve(Direction direction, Currency from, Currency to) {
        return Pricing.maxGiveFor(direction, from, to, to.available());
    }

    /** Parses what a person types: "100", "100.5", "100,5", " 1 000 "; empty when it is not a number. */
    public static Optional<BigDecimal> parseAmount(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.replace('\u00a0', ' ').replace(" ", "").replace(',', '.').trim();
        if (t.isEmpty() || t.length() > 40 || !t.matches("\\d*\\.?\\d*") || t.equals(".")) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(t));
    }
}
