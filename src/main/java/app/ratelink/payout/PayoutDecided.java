package app.ratelink.payout;

/**
 * Published inside the transaction that decided a payout (paid, rejected, or cancelled by the partner):
 * listeners that must be atomic with the decision (the postback outbox) use {@code @EventListener} or a
 * before-commit listener.
 */
public record PayoutDecided(long payoutId, long partnerId, PayoutStatus status) {
}
