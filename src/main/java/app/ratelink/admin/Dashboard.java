package app.ratelink.admin;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import app.ratelink.money.BaseCurrency;
import app.ratelink.catalog.Catalog;
import app.ratelink.catalog.Currency;
import app.ratelink.catalog.Direction;
import app.ratelink.feed.FeedProfile;
import app.ratelink.feed.FeedProfiles;
import app.ratelink.feed.FeedRobots;
import app.ratelink.money.Money;
import app.ratelink.order.DirectionSum;
import app.ratelink.order.OrderStatus;
import app.ratelink.order.Orders;
import app.ratelink.payout.Payouts;
import app.ratelink.referral.PartnerStatistics;
import app.ratelink.system.Settings;

/**
 * The operator's day on one screen: for today, the last 7 and the last 30 days (calendar days in the site's
 * time zone, today included) the orders by status, the turnover and the exchanger's profit in the base
 * currency, and the conversion of partner clicks into referred orders; and what needs doing now (orders
 * paid and waiting, pending payouts, available reserves (base − holds) below their alert, directions out of the feeds and why,
 * served feeds no robot has polled for {@link #UNPOLLED}).
 * <p>
 * Every figure is an index range or an aggregate: orders through their created_at and status indexes,
 * clicks from the daily per-partner counts, payouts through the status index, a feed's last poll through the
 * robots' (profile, last seen) index; nothing counts a table.
 * Turnover is what clients gave in successful orders, at each currency's USD value; profit is the
 * direction's profit percent of it (the margin rewards are computed on, SPEC §4).
 */
@Service
public class Dashboard {

    /** The base currency's scale: figures are shown to the cent. */
    static final int CENTS = 2;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public record Period(String name, LocalDate firstDay, LocalDate lastDay, Instant from, Instant to,
                         Map<OrderStatus, Long> ordersByStatus, long orders, BigDecimal turnover, BigDecimal profit,
                         long clicks, long referredOrders, BigDecimal conversion) {
    }

    public record OutOfFeed(String from, String to, String reason) {
    }

    /** {@code reserve} is the base the operator set, {@code available} base − holds: what is compared with the alert. */
    public record LowReserve(String code, String name, BigDecimal reserve, BigDecimal available, BigDecimal alert) {
    }

    /** A served feed profile no robot has polled since {@code lastPoll}; {@code partnerId}: its monitoring, or null. */
    public record UnpolledFeed(String code, String name, Long partnerId, Instant lastPoll) {
    }

    public record View(Instant at, ZoneId zone, String baseCurrency, Period today, Period last7Days,
                       Period last30Days, long paidWaiting, long processing, Payouts.Pending pendingPayouts,
                       List<LowReserve> lowReserves, List<OutOfFeed> outOfFeed, List<UnpolledFeed> unpolledFeeds) {
    }

    /** How long no robot may have polled a served feed before the dashboard lists it (the robot alert's silence). */
    static final Duration UNPOLLED = Duration.ofMinutes(30);

    private final Orders orders;
    private final Catalog catalog;
    private final Payouts payouts;
    private final PartnerStatistics statistics;
    private final FeedProfiles feeds;
    private final FeedRobots robots;
    private final Settings settings;
    private final Clock clock;

    Dashboard(Orders orders, Catalog catalog, Payouts payouts, PartnerStatistics statistics, FeedProfiles feeds,
              FeedRobots robots, Settings settings, Clock clock) {
        this.orders = orders;
        this.catalog = catalog;
        this.payouts = payouts;
        this.statistics = statistics;
        this.feeds = feeds;
        this.robots = robots;
        this.settings = settings;
        this.clock = clock;
    }

    public View view() {
        ZoneId zone = settings.zone();
        Instant now = clock.instant();
        LocalDate today = now.atZone(zone).toLocalDate();
        Map<String, Currency> currencies = new LinkedHashMap<>();
        catalog.currencies().forEach(c -> currencies.put(c.code(), c));
        Map<String, BigDecimal> profitPercent = new LinkedHashMap<>();
        for (Direction d : catalog.directions()) {
            profitPercent.put(d.from() + "/" + d.to(), d.profitPercent());
        }
        List<LowReserve> low = currencies.values().stream().filter(Currency::reserveLow)
                .sorted(Comparator.comparing(Currency::code))
                .map(c -> new LowReserve(c.code(), c.name(), c.reserve(), c.available(), c.reserveAlert())).toList();
        List<OutOfFeed> out = catalog.unlisted().stream()
                .map(e -> new OutOfFeed(e.direction().from(), e.direction().to(), e.reason().code())).toList();
        return new View(now, zone, BaseCurrency.code(),
                period("today", today, today, zone, currencies, profitPercent),
                period("last7Days", today.minusDays(6), today, zone, currencies, profitPercent),
                period("last30Days", today.minusDays(29), today, zone, currencies, profitPercent),
                orders.countWithStatus(OrderStatus.PAID), orders.countWithStatus(OrderStatus.PROCESSING),
                payouts.pendingTotals(), low, out, unpolled(now));
    }

    /**
     * Served profiles whose last poll by any robot is older than {@link #UNPOLLED}, longest silent first. A profile
     * no robot has ever polled is not listed: nothing has stopped there (a new profile waits for its monitoring).
     */
    private List<UnpolledFeed> unpolled(Instant now) {
        List<FeedProfile> served = feeds.all().stream().filter(FeedProfile::enabled).toList();
        Map<String, Instant> last = robots.lastPolls(served.stream().map(FeedProfile::code).toList());
        Instant cutoff = now.minus(UNPOLLED);
        return served.stream().filter(p -> last.containsKey(p.code()) && last.get(p.code()).isBefore(cutoff))
                .map(p -> new UnpolledFeed(p.code(), p.name(), p.partnerId(), last.get(p.code())))
                .sorted(Comparator.comparing(UnpolledFeed::lastPoll).thenComparing(UnpolledFeed::code)).toList();
    }

    private Period period(String name, LocalDate first, LocalDate last, ZoneId zone, Map<String, Currency> currencies,
                          Map<String, BigDecimal> profitPercent) {
        Instant from = first.atStartOfDay(zone).toInstant();
        Instant to = last.plusDays(1).atStartOfDay(zone).toInstant();
        Map<OrderStatus, Long> byStatus = orders.countByStatusBetween(from, to);
        Money turnover = BaseCurrency.zero();
        Money profit = BaseCurrency.zero();
        for (DirectionSum sum : orders.successfulByDirection(from, to)) {
            Currency given = currencies.get(sum.from());
            if (given == null) {
                continue;
            }
            Money inBase = BaseCurrency.of(sum.given().multiply(given.usdRate()));
            turnover = turnover.plus(inBase);
            BigDecimal percent = Optional.ofNullable(profitPercent.get(sum.from() + "/" + sum.to())).orElse(BigDecimal.ZERO);
            profit = profit.plus(inBase.percent(percent));
        }
        long clicks = statistics.clicks(first, last);
        long referred = orders.countReferred(from, to);
        BigDecimal conversion = clicks == 0 ? app.ratelink.money.Decimals.down(BigDecimal.ZERO, CENTS)
                : BigDecimal.valueOf(referred).multiply(HUNDRED).divide(BigDecimal.valueOf(clicks), CENTS, RoundingMode.HALF_UP);
        return new Period(name, first, last, from, to, byStatus, byStatus.values().stream().mapToLong(Long::longValue).sum(),
                cents(turnover), cents(profit), clicks, referred, conversion);
    }

    private static BigDecimal cents(Money m) {
        return m.roundedTo(CENTS, RoundingMode.HALF_UP).amount();
    }
}
