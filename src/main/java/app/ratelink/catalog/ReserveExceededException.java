package app.ratelink.catalog;

import java.math.BigDecimal;

import app.ratelink.money.Decimals;
import app.ratelink.system.ConflictException;

/** An order would need more of a currency than its reserve still has; nothing was held. */
public class ReserveExceededException extends ConflictException {

    private final String currency;
    private final transient BigDecimal available;

    public ReserveExceededException(String currency, BigDecimal needed, BigDecimal available) {
        super("The reserve of " + currency + " is " + Decimals.plain(available) + " now, less than the "
                + Decimals.plain(needed) + " this order pays out");
        this.currency = currency;
        this.available = available;
    }

    public String currency() {
        return currency;
    }

    public BigDecimal available() {
        return available;
    }
}
