package app.ratelink.order;

/** The outcome of a status change: the order as it is now, and whether this call moved it. */
public record StatusChange(Order order, boolean changed) {
}
