package app.ratelink.order;

import java.time.Instant;
import java.util.Locale;

/**
 * A filter over orders, newest first ({@code created_at DESC, id DESC}). Null fields do not filter.
 * {@code from}/{@code to} bound the creation time, both inclusive; {@code beforeId} continues a previous
 * page after that order (keyset paging: no offset to count through). {@code text} is what the operator
 * typed: matched exactly against the order id, order number (any case, dash optional), public id, client
 * e-mail (case-insensitive) and receiving account, each through its own index. {@code fromCode}/{@code toCode}: the direction; one of them alone
 * each bound one side; {@code currency}: orders with that currency on either side.
 */
public record OrderQuery(OrderStatus status, Instant from, Instant to, Long partnerId, Long beforeId,
                         int limit, int offset, String text, String fromCode, String toCode,
                         String currency) {

    public static final int MAX_LIMIT = 1000;
    /** Longer than any id, number, public id, e-mail or account: such a text can match nothing. */
    public static final int MAX_TEXT = 254;

    public OrderQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1-" + MAX_LIMIT);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative");
        }
        text = text == null || text.isBlank() ? null : text.strip();
        fromCode = code(fromCode);
        toCode = code(toCode);
        currency = code(currency);
    }

    public OrderQuery(OrderStatus status, Instant from, Instant to, Long partnerId, Long beforeId, int limit,
                      int offset) {
        this(status, from, to, partnerId, beforeId, limit, offset, null, null, null, null);
    }

    public static OrderQuery latest(int limit) {
        return new OrderQuery(null, null, null, null, null, limit, 0);
    }

    public OrderQuery withStatus(OrderStatus s) {
        return new OrderQuery(s, from, to, partnerId, beforeId, limit, offset, text, fromCode, toCode, currency);
    }

    public OrderQuery withText(String t) {
        return new OrderQuery(status, from, to, partnerId, beforeId, limit, offset, t, fromCode, toCode, currency);
    }

    public OrderQuery withDirection(String fromCurrency, String toCurrency) {
        return new OrderQuery(status, from, to, partnerId, beforeId, limit, offset, text, fromCurrency, toCurrency, currency);
    }

    public OrderQuery withCurrency(String either) {
        return new OrderQuery(status, from, to, partnerId, beforeId, limit, offset, text, fromCode, toCode, either);
    }

    public OrderQuery withPeriod(Instant start, Instant end) {
        return new OrderQuery(status, start, end, partnerId, beforeId, limit, offset, text, fromCode, toCode, currency);
    }

    public OrderQuery withPartner(Long partner) {
        return new OrderQuery(status, from, to, partner, beforeId, limit, offset, text, fromCode, toCode, currency);
    }

    public OrderQuery before(Long id) {
        return new OrderQuery(status, from, to, partnerId, id, limit, offset, text, fromCode, toCode, currency);
    }

    public OrderQuery withLimit(int n) {
        return new OrderQuery(status, from, to, partnerId, beforeId, n, offset, text, fromCode, toCode, currency);
    }

    public OrderQuery page(int pageSize, int pageIndex) {
        return new OrderQuery(status, from, to, partnerId, beforeId, pageSize, pageSize * pageIndex, text, fromCode,
                toCode, currency);
    }

    private static String code(String c) {
        return c == null || c.isBlank() ? null : c.strip().toUpperCase(Locale.ROOT);
    }
}
