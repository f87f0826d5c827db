package app.ratelink.admin.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.ratelink.admin.Dashboard;
import app.ratelink.order.OrderStatus;

/**
 * {@code GET /api/operator/v1/dashboard}: {@code today}, {@code last7Days}, {@code last30Days} each with
 * {@code ordersByStatus}, {@code turnover}, {@code profit} (base currency, to the cent), {@code conversion}
 * (referred orders per 100 partner clicks); then what waits: {@code ordersWaiting}, {@code pendingPayouts}
 * {@code {count, sum}}, {@code lowReserves} (codes of currencies whose available reserve is below their alert),
 * {@code outOfFeed} ({@code {from, to, reason}}), {@code unpolledFeeds} (served feeds no robot has polled for 30
 * minutes: {@code {code, name, partnerId, lastPoll}}).
 * Each item that needs doing carries the admin page that resolves it ({@code link}).
 */
record DashboardJson(Instant at, String zone, String baseCurrency, PeriodJson today, PeriodJson last7Days,
                     PeriodJson last30Days, Waiting ordersWaiting, Pending pendingPayouts, List<String> lowReserves,
                     List<LowReserveJson> lowReserveDetails, List<OutOfFeedJson> outOfFeed,
                     List<UnpolledFeedJson> unpolledFeeds) {

    record PeriodJson(LocalDate firstDay, LocalDate lastDay, Instant from, Instant to,
                      Map<String, Long> ordersByStatus, long orders, BigDecimal turnover, BigDecimal profit,
                      long clicks, long referredOrders, BigDecimal conversion) {

        static PeriodJson of(Dashboard.Period p) {
            Map<String, Long> byStatus = new LinkedHashMap<>();
            for (OrderStatus s : OrderStatus.values()) {
                byStatus.put(s.code(), p.ordersByStatus().getOrDefault(s, 0L));
            }
            return new PeriodJson(p.firstDay(), p.lastDay(), p.from(), p.to(), byStatus, p.orders(), p.turnover(),
                    p.profit(), p.clicks(), p.referredOrders(), p.conversion());
        }
    }

    record Waiting(long paid, long processing, String link) {
    }

    record Pending(long count, BigDecimal sum, String link) {
    }

    /** {@code reserve}: the base; {@code available}: base − holds, what fell below {@code reserveAlert}. */
    record LowReserveJson(String code, BigDecimal reserve, BigDecimal available, BigDecimal reserveAlert, String link) {
    }

    record OutOfFeedJson(String from, String to, String reason, String link) {
    }

    record UnpolledFeedJson(String code, String name, Long partnerId, Instant lastPoll, String link) {

        static UnpolledFeedJson of(Dashboard.UnpolledFeed f) {
            return new UnpolledFeedJson(f.code(), f.name(), f.partnerId(), f.lastPoll(), page(f));
        }
    }

    /** A monitoring's feed is resolved on its monitoring page; a profile of no monitoring on its robots' page. */
    static String page(Dashboard.UnpolledFeed f) {
        return f.partnerId() != null ? "/admin/monitorings/" + f.partnerId() : "/admin/feeds/" + f.code();
    }

    static DashboardJson of(Dashboard.View v) {
        return new DashboardJson(v.at(), v.zone().getId(), v.baseCurrency(), PeriodJson.of(v.today()),
                PeriodJson.of(v.last7Days()), PeriodJson.of(v.last30Days()),
                new Waiting(v.paidWaiting(), v.processing(), "/admin/orders?status=paid"),
                new Pending(v.pendingPayouts().count(), v.pendingPayouts().sum().amount(), "/admin/payouts?status=0"),
                v.lowReserves().stream().map(Dashboard.LowReserve::code).toList(),
                v.lowReserves().stream().map(r -> new LowReserveJson(r.code(), r.reserve(), r.available(), r.alert(),
                        "/admin/currencies/" + r.code())).toList(),
                v.outOfFeed().stream().map(o -> new OutOfFeedJson(o.from(), o.to(), o.reason(),
                        "/admin/directions/" + o.from() + "/" + o.to())).toList(),
                v.unpolledFeeds().stream().map(UnpolledFeedJson::of).toList());
    }
}
