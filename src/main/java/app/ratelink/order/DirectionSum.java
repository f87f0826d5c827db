package app.ratelink.order;

import java.math.BigDecimal;

/** Successful orders of one direction in a period: how many, what clients gave (in from) and got (in to). */
public record DirectionSum(String from, String to, long orders, BigDecimal given, BigDecimal received) {
}
