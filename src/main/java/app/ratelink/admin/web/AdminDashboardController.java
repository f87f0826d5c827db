package app.ratelink.admin.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import app.ratelink.order.OrderQuery;
import app.ratelink.order.OrderStatus;
import app.ratelink.order.Orders;
import app.ratelink.system.Settings;

/** {@code /admin}: today's orders by status (in the site's time zone) and the latest orders. */
@Controller
class AdminDashboardController {

    private final Orders orders;
    private final Settings settings;
    private final Clock clock;

    AdminDashboardController(Orders orders, Settings settings, Clock clock) {
        this.orders = orders;
        this.settings = settings;
        this.clock = clock;
    }

    @GetMapping("/admin")
    String dashboard(Model model) {
        ZoneId zone = settings.zone();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Map<OrderStatus, Long> counts = orders.countByStatusSince(today.atStartOfDay(zone).toInstant());
        model.addAttribute("today", today);
        model.addAttribute("zone", zone);
        model.addAttribute("counts", counts);
        model.addAttribute("total", counts.values().stream().mapToLong(Long::longValue).sum());
        model.addAttribute("latest", orders.list(OrderQuery.latest(10)));
        return "admin/dashboard";
    }
}
