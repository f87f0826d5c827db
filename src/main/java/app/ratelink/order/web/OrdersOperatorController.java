package app.ratelink.order.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

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
@RequestMapping("/api/operator/v1")
class OrdersOperatorController {

    static final String ACTOR = "operator";
    private static final int DEFAULT_LIMIT = 100;

    private final Orders orders;
    private final OrderSearch search;
    private final OrdersCsv csv;

    OrdersOperatorController(Orders orders, OrderSearch search, OrdersCsv csv) {
        this.orders = orders;
        this.search = search;
        this.csv = csv;
    }

    record StatusRequest(String status, String comment) {
    }

    /**
     * The operator's search ({@link OrderSearch}: {@code q}, {@code partnerId}, {@code from}, {@code to},
     * {@code status}, {@code direction}), newest first, at most {@code limit} (default 100); {@code beforeId}
     * continues after the last order of the previous page, whose address the {@code Link: rel="next"}
     * header gives when there may be more.
     */
    @GetMapping("/orders")
    ResponseEntity<List<OrderJson>> list(@RequestParam(required = false) String q,
                                         @RequestParam(required = false) String status,
                                         @RequestParam(required = false) String from,
                                         @RequestParam(required = false) String to,
                                         @RequestParam(required = false) String limit,
                                         @RequestParam(required = false) String partnerId,
                                         @RequestParam(required = false) String direction,
                                         @RequestParam(required = false) String beforeId,
                                         HttpServletRequest request) {
        Long n = number("limit", limit);
        if (n != null && (n < 1 || n > OrderQuery.MAX_LIMIT)) {
            throw new BadRequestException("limit", "limit must be 1-" + OrderQuery.MAX_LIMIT);
        }
        int size = n == null ? DEFAULT_LIMIT : n.intValue();
        OrderQuery query = search.query(new OrderSearch.Params(q, partnerId, from, to, status, direction), size)
                .before(number("beforeId", beforeId));
        List<OrderJson> page = orders.list(query).stream().map(OrderJson::of).toList();
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
        if (page.size() == size) {
            String next = ServletUriComponentsBuilder.fromRequest(request).replaceQueryParam("beforeId",
                    page.get(page.size() - 1).id()).build().toUriString();
            answer.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
        }
        return answer.body(page);
    }

    /** The same selection as {@link #list} (without limit and paging), every matching order, as CSV. */
    @GetMapping("/orders.csv")
    void csv(@RequestParam(required = false) String q, @RequestParam(required = false) String status,
             @RequestParam(required = false) String from, @RequestParam(required = false) String to,
             @RequestParam(required = false) String partnerId, @RequestParam(required = false) String direction,
             HttpServletResponse response) throws IOException {
        csv.write(search.query(new OrderSearch.Params(q, partnerId, from, to, status, direction), 1), response);
    }

    @GetMapping("/orders/{id}")
    OrderJson get(@PathVariable String id) {
        Order order = order(id);
        return OrderJson.of(order, orders.history(order.id()), null);
    }

    @PostMapping("/orders/{id}/status")
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
}
