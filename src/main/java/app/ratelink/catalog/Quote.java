package app.ratelink.catalog;

import java.math.BigDecimal;

import app.ratelink.money.Money;

/**
 * What one amount given in a direction comes to under {@link Pricing}: the rate as published ({@code in}/{@code out},
 * the smaller side 1), the fees as charged (shown rounded up at their currency's scale), and what the client gets,
 * rounded down at the scale of {@code to}. {@link #payable()} is false when nothing would be left to pay out.
 */
public record Quote(Money give, BigDecimal rateIn, BigDecimal rateOut, Money fromFee, Money toFee, Money get) {

    public boolean payable() {
        return get.isPositive();
    }
}
