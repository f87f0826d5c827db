package app.ratelink.admin.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import app.ratelink.admin.Dashboard;
import app.ratelink.operatorapi.OperatorApi;

/** {@code GET /api/operator/v1/dashboard}: the admin dashboard's figures as JSON ({@link DashboardJson}). */
@OperatorApi
@RequestMapping("/api/operator/v1")
class DashboardOperatorController {

    private final Dashboard dashboard;

    DashboardOperatorController(Dashboard dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/dashboard")
    DashboardJson dashboard() {
        return DashboardJson.of(dashboard.view());
    }
}
