package app.ratelink.order.web;

import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.ratelink.catalog.Catalog;
import app.ratelink.catalog.Currency;
import app.ratelink.order.Order;
import app.ratelink.order.Orders;
import app.ratelink.system.Settings;

/**
 * The client's order page {@code /order/{publicId}}: status, amounts at the locked rate, how to pay, the
 * status history and the "I have paid" button. The unguessable public id is the only key, so the page
 * is never cached and never indexed.
 */
@Controller
class OrderPageController {

    private final Orders orders;
    private final Catalog catalog;
    private final Settings settings;

    OrderPageController(Orders orders, Catalog catalog, Settings settings) {
        this.orders = orders;
        this.catalog = catalog;
        this.settings = settings;
    }

    @GetMapping("/order/{publicId}")
    String page(@PathVariable String publicId, Model model, HttpServletResponse response) {
        response.setHeader("X-Robots-Tag", "noindex, nofollow");
        Optional<Order> order = orders.byPublicId(publicId);
        if (order.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "public/order-not-found";
        }
        Order o = order.get();
        model.addAttribute("order", o);
        model.addAttribute("from", catalog.currency(o.from()).orElse(null));
        model.addAttribute("to", catalog.currency(o.to()).orElse(null));
        model.addAttribute("fromName", catalog.currency(o.from()).map(Currency::name).orElse(o.from()));
        model.addAttribute("toName", catalog.currency(o.to()).map(Currency::name).orElse(o.to()));
        model.addAttribute("history", orders.history(o.id()));
        model.addAttribute("zone", settings.zone());
        return "public/order";
    }

    @PostMapping("/order/{publicId}/paid")
    String paid(@PathVariable String publicId, RedirectAttributes redirect, HttpServletResponse response) {
        if (orders.byPublicId(publicId).isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "public/order-not-found";
        }
        String message = switch (orders.markPaidByClient(publicId)) {
            case MARKED -> "site.order.marked";
            case ALREADY_PAID -> "site.order.alreadyPaid";
            case EXPIRED -> "site.order.expired";
            case CLOSED -> "site.order.closed";
        };
        // The key of the bundle text: the page says it in the language it is read in.
        redirect.addFlashAttribute("message", message);
        return "redirect:/order/" + publicId;
    }
}
