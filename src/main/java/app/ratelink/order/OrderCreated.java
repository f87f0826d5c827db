package app.ratelink.order;

/** Published inside the transaction that created an order. */
public record OrderCreated(long orderId) {
}
