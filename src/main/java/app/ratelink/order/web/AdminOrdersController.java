package app.ratelink.order.web;

import java.io.IOException;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
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
import app.ratelink.system.BadRequestException;
import app.ratelink.system.ConflictException;
import app.ratelink.system.Settings;
import app.ratelink.system.web.AdminForms;
import app.ratelink.system.web.Confirmation;

/** Admin pages for orders: the search (newest first, keyset-paged, CSV export) and one order with its status form. */
@Controller
class AdminOrdersController {

    private static final int PAGE_SIZE = 50;

    private final Orders orders;
    private final Catalog catalog;
    private final Settings settings;
    private final OrderSearch search;
    private final OrdersCsv csv;

    private final MessageSource messages;
    /** The search form's labels by the field a refusal names. */
    private static final java.util.Map<String, String> SEARCH_LABELS = java.util.Map.of("q", "dashboard.orders.q",
            "partnerId", "dashboard.orders.partner", "direction", "dashboard.orders.direction",
            "from", "dashboard.orders.from", "to", "dashboard.orders.to", "status", "dashboard.orders.status");

    AdminOrdersController(Orders orders, Catalog catalog, Settings settings, OrderSearch search, OrdersCsv csv, MessageSource messages) {
        this.messages = messages;
        this.orders = orders;
        this.catalog = catalog;
        this.settings = settings;
        this.search = search;
        this.csv = csv;
    }

    /**
     * The search ({@link OrderSearch}), newest first, {@value #PAGE_SIZE} a page; {@code beforeId} continues
     * after the last order of the previous page (keyset: a page deep in a million orders costs the same as
     * the first). A bad filter is shown by its field and filters nothing.
     */
    @GetMapping("/admin/orders")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String partnerId,
                @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(required = false) String status, @RequestParam(required = false) String direction,
                @RequestParam(required = false) Long beforeId, Model model) {
        OrderSearch.Params params = new OrderSearch.Params(q, partnerId, from, to, status, direction);
        OrderQuery query;
        try {
            query = search.query(params, PAGE_SIZE + 1).before(beforeId);
        } catch (BadRequestException e) {
            // Shown above the table, so it names the field it is about ("To: Enter a date like …").
            String label = SEARCH_LABELS.get(e.field());
            String why = messages.getMessage(e.refusal(), LocaleContextHolder.getLocale());
            model.addAttribute("searchError", label == null ? why : text("dashboard.orders.refusal", text(label), why));
            model.addAttribute("searchErrorField", e.field());
            query = OrderQuery.latest(PAGE_SIZE + 1).before(beforeId);
        }
        // One row more than a page tells whether there is a next page without counting the table.
        List<Order> rows = orders.list(query);
        List<Order> shown = rows.size() > PAGE_SIZE ? rows.subList(0, PAGE_SIZE) : rows;
        model.addAttribute("orders", shown);
        model.addAttribute("nextBeforeId", rows.size() > PAGE_SIZE ? shown.get(shown.size() - 1).id() : null);
        model.addAttribute("first", beforeId == null);
        model.addAttribute("search", params);
        model.addAttribute("searching", params.any());
        model.addAttribute("status", query.status() == null ? "" : query.status().code());
        model.addAttribute("statuses", OrderStatus.values());
        model.addAttribute("directions", catalog.directions());
        model.addAttribute("zone", settings.zone());
        return "admin/orders";
    }

    /** The page's selection as CSV, every matching order (the operator API's orders.csv, for the session). */
    @GetMapping("/admin/orders.csv")
    void csv(@RequestParam(required = false) String q, @RequestParam(required = false) String partnerId,
             @RequestParam(required = false) String from, @RequestParam(required = false) String to,
             @RequestParam(required = false) String status, @RequestParam(required = false) String direction,
             HttpServletResponse response) throws IOException {
        csv.write(search.query(new OrderSearch.Params(q, partnerId, from, to, status, direction), 1), response);
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

    /** The order page's status form: the next status (its select starts empty), a comment, the confirmation. */
    record StatusForm(String status, @Size(max = 1000, message = "{admin.form.tooLong}") String comment, Boolean confirm) {
        StatusForm {
            status = status == null ? "" : status.strip();
            comment = comment == null ? "" : comment;
        }

        boolean confirmed() {
            return Boolean.TRUE.equals(confirm);
        }
    }

    @InitBinder("statusForm")
    void checkboxes(WebDataBinder binder) {
        AdminForms.checkboxes(binder);
    }

    @PostMapping("/admin/orders/{id}/status")
    String changeStatus(@PathVariable long id, @Valid @ModelAttribute("statusForm") StatusForm form, BindingResult result,
                        Principal admin, Model model, RedirectAttributes redirect) {
        Order order = orders.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No order " + id));
        String status = form.status();
        String comment = form.comment();
        boolean confirm = form.confirmed();
        Optional<OrderStatus> next = OrderStatus.of(status);
        if (result.hasFieldErrors("comment")) {
            redirect.addFlashAttribute("error", text("admin.order.commentRefused",
                    messages.getMessage(result.getFieldError("comment"), LocaleContextHolder.getLocale())));
        } else if (next.isEmpty()) {
            redirect.addFlashAttribute("error", status.isBlank() ? text("admin.order.chooseStatus")
                    : text("admin.order.unknownStatus", status));
        } else if (!confirm && order.status().nextStatuses().contains(next.get())) {
            // A status change mails the client and may credit or reverse a reward: asked once more, never undone.
            // A move the graph refuses is not asked about; the change below says why it cannot happen.
            String path = "/admin/orders/" + id;
            return new Confirmation(Confirmation.Layout.ADMIN, text("admin.confirm.orderStatus", order.number(),
                    text("site.status." + order.status().code()), text("site.status." + next.get().code())),
                    path + "/status", Map.of("status", status, "comment", comment), path).show(model);
        } else {
            try {
                StatusChange change = orders.changeStatus(id, next.get(), "admin:" + admin.getName(), comment);
                redirect.addFlashAttribute("message", change.changed()
                        ? text("admin.order.changed", text("site.status." + next.get().code()))
                        : text("admin.order.unchanged", text("site.status." + next.get().code())));
            } catch (ConflictException e) {
                redirect.addFlashAttribute("error", messages.getMessage(e.refusal(), LocaleContextHolder.getLocale()));
            }
        }
        return "redirect:/admin/orders/" + id;
    }

    /** A bundle text in the operator's language. */
    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
