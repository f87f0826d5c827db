/**
 * Postbacks: a partner's endpoints that hear of its orders and payouts as they happen. Owns the tables
 * {@code postback_endpoints}, {@code postback_deliveries} (the outbox) and {@code postback_attempts} (the
 * delivery log). Consumes {@code order.OrderCreated}, {@code order.OrderStatusChanged} and
 * {@code payout.PayoutDecided} inside their transactions, and reads the partner's clicks through
 * {@code referral.Clicks}; publishes nothing. Depends on order, payout, referral, partner and system; none
 * of them depends on it.
 */
package app.ratelink.postback;
