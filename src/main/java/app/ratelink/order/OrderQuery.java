package app.ratelink.order;

import java.time.Instant;

/**
 * A filter over orders, newest first. Null fields do not filter. {@code from}/{@code to} bound the
 * creation time, both inclusive; {@code beforeId} continues a previous page (keyset paging).
 */
public record OrderQuery(OrderStatus status, Instant from, Instant to, Long partnerId, Long beforeId,
                         int limit, int offset) {

    public static final int MAX_LIMIT = 1000;

    public OrderQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1-" + MAX_LIMIT);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative");
        }
    }

    public static OrderQuery latest(int limit) {
        return new OrderQuery(null, null, null, null, null, limit, 0);
    }

    public OrderQuery withStatus(OrderStatus s) {
        return new OrderQuery(s, from, to, partnerId, beforeId, limit, offset);
    }

    public OrderQuery page(int pageSize, int pageIndex) {
        return new OrderQuery(status, from, to, partnerId, beforeId, pageSize, pageSize * pageIndex);
    }
}
