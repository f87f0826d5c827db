package app.ratelink.catalog;

import java.math.BigDecimal;

import app.ratelink.money.Decimals;

/** A direction fee: an absolute amount, or a percentage when {@code percent}. */
public record Fee(BigDecimal value, boolean percent) {

    /** Parses "2", "0.5%" or "0.5 %"; blank means no fee (null). */
    public static Fee parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        boolean percent = t.endsWith("%");
        if (percent) {
            t = t.substring(0, t.length() - 1).trim();
        }
        BigDecimal value = new BigDecimal(t);
        if (value.signum() < 0) {
            throw new NumberFormatException("negative fee");
        }
        return new Fee(value, percent);
    }

    public String plain() {
        return Decimals.plain(value);
    }

    @Override
    public String toString() {
        return percent ? plain() + "%" : plain();
    }
}
