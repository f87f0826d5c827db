package app.ratelink.order.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import app.ratelink.operatorapi.OperatorApi;
import app.ratelink.order.Order;
import app.ratelink.order.OrderQuery;
import app.ratelink.order.OrderStatus;
import app.ratelink.order.Orders;
import app.ratelink.order.StatusChange;
import app.ratelink.system.BadRequestException;
import app.ratelink.system.NotFoundException;

/**
 * Orders for the operator's back office: list (newest first, filters), one order with its history, and
 * status changes. An illegal move answers 409 and changes nothing; setting the current status again
 * answers 200 with {@code "changed": false}.
 */
@OperatorApi
@RequestMapping("/api/operator/v1/orders")
class OrdersOperatorController {

    static final String ACTOR = "operator";
    private static final int DEFAULT_LIMIT = 100;

    private final Orders orders;

    OrdersOperatorController(Orders orders) {
        this.orders = orders;
    }

    record StatusRequest(String status, String comment) {
    }

    /**
     * {@code from}/{@code to}: creation time, inclusive, as unix seconds or ISO-8601 ({@code 2026-01-01T00:00:00Z});
     * {@code beforeId}: continue after the last id of the previous page.
     */
    @GetMapping
    List<OrderJson> list(@RequestParam(required = false) String status, @RequestParam(required = false) String from,
                         @RequestParam(required = false) String to, @RequestParam(required = false) String limit,
                         @RequestParam(required = false) String partnerId,
                         @RequestParam(required = false) String beforeId) {
        OrderStatus s = status == null || status.isBlank() ? null : OrderStatus.of(status)
                .orElseThrow(() -> new BadRequestException("status", "Unknown status " + status));
        Instant fromTime = time("from", from);
        Instant toTime = time("to", to);
        if (fromTime != null && toTime != null && fromTime.isAfter(toTime)) {
            throw new BadRequestException("from", "from must not be after to");
        }
        Long n = number("limit", limit);
        if (n != null && (n < 1 || n > OrderQuery.MAX_LIMIT)) {
            throw new BadRequestException("limit", "limit must be 1-" + OrderQuery.MAX_LIMIT);
        }
        OrderQuery query = new OrderQuery(s, fromTime, toTime, number("partnerId", partnerId),
                number("beforeId", beforeId), n == null ? DEFAULT_LIMIT : n.intValue(), 0);
        return orders.list(query).stream().map(OrderJson::of).toList();
    }

    @GetMapping("/{id}")
    OrderJson get(@PathVariable String id) {
        Order order = order(id);
        return OrderJson.of(order, orders.history(order.id()), null);
    }

    @PostMapping("/{id}/status")
    OrderJson changeStatus(@PathVariable String id, @RequestBody StatusRequest request) {
        Order order = order(id);
        if (request == null || request.status() == null || request.status().isBlank()) {
            throw new BadRequestException("status", "status is required");
        }
        OrderStatus next = OrderStatus.of(request.status())
                .orElseThrow(() -> new BadRequestException("status", "Unknown status " + request.status()));
        StatusChange change = orders.changeStatus(order.id(), next, ACTOR, request.comment());
        return OrderJson.of(change.order(), orders.history(order.id()), change.changed());
    }

    private Order order(String id) {
        Long n;
        try {
            n = Long.valueOf(id);
        } catch (NumberFormatException e) {
            // Also accept the public id the client sees in its order link.
            return orders.byPublicId(id).orElseThrow(() -> new NotFoundException("No order " + id));
        }
        return orders.find(n).orElseThrow(() -> new NotFoundException("No order " + id));
    }

    private static Long number(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw new BadRequestException(field, field + " must be an integer");
        }
    }

    private static Instant time(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        try {
            return t.matches("-?\\d{1,12}") ? Instant.ofEpochSecond(Long.parseLong(t)) : Instant.parse(t);
        } catch (DateTimeParseException e) {
            throw new BadRequestException(field, field + " must be unix seconds or an ISO-8601 instant");
        }
    }
}
