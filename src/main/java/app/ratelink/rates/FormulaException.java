package app.ratelink.rates;

import app.ratelink.system.Refusal;

/**
 * A formula that does not parse, or cannot be evaluated now (a missing value, a division by zero). The message
 * is the English text the APIs answer; {@link #refusal()} says it in the reader's language on pages.
 */
public class FormulaException extends IllegalArgumentException {

    private final transient Refusal refusal;

    FormulaException(String code, String text, Object... args) {
        super(text);
        this.refusal = Refusal.of(code, text, args);
    }

    public Refusal refusal() {
        return refusal;
    }
}
