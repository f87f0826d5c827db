package app.ratelink.order.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import app.ratelink.order.Order;
import app.ratelink.order.OrderStatusEntry;

/**
 * An order in the operator API (camelCase, amounts as plain JSON numbers, times as ISO-8601 UTC).
 * {@code number} is the short order number the client sees; {@code feeFrom}/{@code feeTo} the fees the order was
 * priced with. {@code history} is present on single-order answers, {@code changed} on status-change answers.
 */
record OrderJson(long id, String publicId, String status, String from, String to, BigDecimal rateIn,
                 BigDecimal rateOut, BigDecimal amountGive, BigDecimal amountGet, String account, String email,
                 String city, Instant createdAt, Instant updatedAt, Instant expiresAt, String clientIp,
                 String userAgent, String visitorId, Long partnerId, Long clickId, String userHash,
                 BigDecimal partnerReward, String number, BigDecimal feeFrom, BigDecimal feeTo, String language,
                 Instant consentedAt,
                 @JsonInclude(JsonInclude.Include.NON_NULL) List<HistoryJson> history,
                 @JsonInclude(JsonInclude.Include.NON_NULL) Boolean changed) {

    record HistoryJson(String from, String to, String actor, String comment, Instant at) {
        static HistoryJson of(OrderStatusEntry e) {
            return new HistoryJson(e.from() == null ? null : e.from().code(), e.to().code(), e.actor(), e.comment(),
                    e.at());
        }
    }

    static OrderJson of(Order o) {
        return of(o, null, null);
    }

    static OrderJson of(Order o, List<OrderStatusEntry> history, Boolean changed) {
        return new OrderJson(o.id(), o.publicId(), o.status().code(), o.from(), o.to(), o.rateIn(), o.rateOut(),
                o.amountGive(), o.amountGet(), o.account(), o.email(), o.city(), o.createdAt(), o.updatedAt(),
                o.expiresAt(), o.clientIp(), o.userAgent(), o.visitorId(), o.partnerId(), o.clickId(), o.userHash(),
                o.partnerReward(), o.number(), o.feeFrom(), o.feeTo(), o.language(), o.consentedAt(),
                history == null ? null : history.stream().map(HistoryJson::of).toList(), changed);
    }
}
