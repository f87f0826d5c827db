package app.ratelink.order.web;

import java.security.Principal;
import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.ratelink.catalog.Catalog;
import app.ratelink.catalog.Currency;
import app.ratelink.order.Order;
import app.ratelink.order.OrderQuery;
import app.ratelink.order.OrderStatus;
import app.ratelink.order.Orders;
import app.ratelink.order.StatusChange;
import app.ratelink.system.ConflictException;
import app.ratelink.system.Settings;

/** Admin pages for orders: the list (filter by status, newest first, paged) and one order with its status form. */
@Controller
class AdminOrdersController {

    private static final int PAGE_SIZE = 50;

    private final Orders orders;
    private final Catalog catalog;
    private final Settings settings;

    AdminOrdersController(Orders orders, Catalog catalog, Settings settings) {
        this.orders = orders;
        this.catalog = catalog;
        this.settings = settings;
    }

    @GetMapping("/admin/orders")
    String list(@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
                Model model) {
        Optional<OrderStatus> s = Optional.ofNullable(status).flatMap(OrderStatus::of);
        int p = Math.max(0, Math.min(page, 100_000));
        // One row more than a page tells whether there is a next page without counting the table.
        List<Order> rows = orders.list(new OrderQuery(s.orElse(null), null, null, null, null, PAGE_SIZE + 1,
                p * PAGE_SIZE));
        model.addAttribute("orders", rows.size() > PAGE_SIZE ? rows.subList(0, PAGE_SIZE) : rows);
        model.addAttribute("hasNext", rows.size() > PAGE_SIZE);
        model.addAttribute("page", p);
        model.addAttribute("status", s.map(OrderStatus::code).orElse(""));
        model.addAttribute("statuses", OrderStatus.values());
        model.addAttribute("zone", settings.zone());
        return "admin/orders";
    }

    @GetMapping("/admin/orders/{id}")
    String order(@PathVariable long id, Model model) {
        Order order = orders.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No order " + id));
        model.addAttribute("order", order);
        model.addAttribute("fromCurrency", catalog.currency(order.from()).map(Currency::name).orElse(order.from()));
        model.addAttribute("toCurrency", catalog.currency(order.to()).map(Currency::name).orElse(order.to()));
        model.addAttribute("history", orders.history(id));
        model.addAttribute("next", order.status().nextStatuses().stream().sorted().toList());
        model.addAttribute("zone", settings.zone());
        return "admin/order";
    }

    @PostMapping("/admin/orders/{id}/status")
    String changeStatus(@PathVariable long id, @RequestParam String status,
                        @RequestParam(defaultValue = "") String comment, Principal admin,
                        RedirectAttributes redirect) {
        orders.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No order " + id));
        Optional<OrderStatus> next = OrderStatus.of(status);
        if (next.isEmpty()) {
            redirect.addFlashAttribute("error", "Unknown status " + status);
        } else {
            try {
                StatusChange change = orders.changeStatus(id, next.get(), "admin:" + admin.getName(), comment);
                redirect.addFlashAttribute("message", change.changed()
                        ? "Status changed to " + next.get().code() + "."
                        : "The order already is " + next.get().code() + "; nothing changed.");
            } catch (ConflictException e) {
                redirect.addFlashAttribute("error", e.getMessage());
            }
        }
        return "redirect:/admin/orders/" + id;
    }
}
