package app.ratelink.admin.web;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import app.ratelink.admin.Dashboard;
import app.ratelink.order.OrderQuery;
import app.ratelink.order.OrderStatus;
import app.ratelink.order.Orders;

/**
 * {@code /admin}: what needs doing now (orders paid and waiting, pending payouts, reserves running out,
 * directions out of the feeds and why), each linking to the page that resolves it; then today, the last 7
 * and 30 days (orders by status, turnover, profit, conversion); then the latest orders.
 */
@Controller
class AdminDashboardController {

    private final Dashboard dashboard;
    private final Orders orders;

    AdminDashboardController(Dashboard dashboard, Orders orders) {
        this.dashboard = dashboard;
        this.orders = orders;
    }

    @GetMapping("/admin")
    String dashboard(Model model) {
        Dashboard.View view = dashboard.view();
        model.addAttribute("view", view);
        model.addAttribute("periods", List.of(view.today(), view.last7Days(), view.last30Days()));
        model.addAttribute("statuses", OrderStatus.values());
        model.addAttribute("zone", view.zone());
        model.addAttribute("latest", orders.list(OrderQuery.latest(10)));
        return "admin/dashboard";
    }
}
