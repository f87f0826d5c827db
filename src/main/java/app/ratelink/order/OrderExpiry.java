package app.ratelink.order;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Cancels unpaid {@code new} orders once their payment window ({@code orderExpiryMinutes}, fixed on the
 * order as {@code expires_at}) has ended. Safe on several nodes at once: each cancellation is a
 * compare-and-set from {@code new}, so an order is cancelled once and a paid order never.
 */
@Component
class OrderExpiry {

    private static final Logger log = LoggerFactory.getLogger(OrderExpiry.class);
    private static final int BATCH = 500;

    private final Orders orders;
    private final Clock clock;

    OrderExpiry(Orders orders, Clock clock) {
        this.orders = orders;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${ratelink.order-expiry-check:PT30S}",
            fixedDelayString = "${ratelink.order-expiry-check:PT30S}")
    void run() {
        int expired;
        do {
            expired = orders.expireOverdue(clock.instant(), BATCH);
            if (expired > 0) {
                log.info("Expired {} unpaid orders", expired);
            }
        } while (expired == BATCH);
    }
}
