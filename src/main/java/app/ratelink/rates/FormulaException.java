package app.ratelink.rates;

/** A formula that does not parse, or cannot be evaluated now (a missing value, a division by zero). */
public class FormulaException extends IllegalArgumentException {

    public FormulaException(String message) {
        super(message);
    }
}
