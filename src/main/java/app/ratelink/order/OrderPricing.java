package app.ratelink.order;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

import app.ratelink.catalog.Currency;
import app.ratelink.catalog.Direction;
import app.ratelink.money.Money;

/**
 * How much a client gets: {@code amount × out / in}, rounded down at the scale of the currency paid out,
 * so the client is never promised a fraction the exchanger cannot pay. The division is exact to that
 * scale (no intermediate rounding that could round a 0.12999… up to 0.13).
 */
public final class OrderPricing {

    private OrderPricing() {
    }

    public static Money amountGet(Direction direction, Currency to, BigDecimal amountGive) {
        BigDecimal exact = amountGive.multiply(direction.rateOut())
                .divide(direction.rateIn(), to.scale(), RoundingMode.DOWN);
        return Money.of(exact, to.code()).roundedTo(to.scale(), RoundingMode.DOWN);
    }

    /** The largest amount of {@code from} whose payout fits into the reserve of {@code to}. */
    public static Money maxGiveForReserve(Direction direction, Currency from, Currency to) {
        BigDecimal give = to.reserve().multiply(direction.rateIn())
                .divide(direction.rateOut(), from.scale(), RoundingMode.DOWN);
        return Money.of(give, from.code());
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
