package app.ratelink.admin.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import app.ratelink.money.Money;
import app.ratelink.money.BaseCurrency;
import app.ratelink.order.Orders;
import app.ratelink.partner.Partner;
import app.ratelink.partner.PartnerAdministration;
import app.ratelink.payout.Payouts;
import app.ratelink.referral.PartnerStatistics;
import app.ratelink.reward.Ledger;
import app.ratelink.system.Settings;

/**
 * {@code /admin/partners}: the partners with their money (balance, earned, paid, base currency) and their
 * last 30 days (clicks, referred orders), searchable and sortable by each figure. Every figure comes from an
 * aggregate (the ledger's running totals, the daily click counts, the order and payout indexes), for the
 * matching partners at once; sorting and paging happen over those rows (at most {@value #MAX_PARTNERS}
 * partners are listed for one search).
 */
@Controller
class AdminPartnerListController {

    static final int MAX_PARTNERS = 20_000;
    static final int DAYS = 30;

    enum Sort {
        JOINED(r -> BigDecimal.valueOf(r.partner().id())), BALANCE(r -> r.balance().amount()), EARNED(r -> r.earned().amount()),
        PAID(r -> r.paid().amount()), CLICKS(r -> BigDecimal.valueOf(r.clicks())), ORDERS(r -> BigDecimal.valueOf(r.orders()));

        final Function<PartnerRow, BigDecimal> figure;

        Sort(Function<PartnerRow, BigDecimal> figure) {
            this.figure = figure;
        }

        String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Sort of(String code) {
            for (Sort s : values()) {
                if (s.code().equalsIgnoreCase(code == null ? "" : code.trim())) {
                    return s;
                }
            }
            return JOINED;
        }
    }

    record PartnerRow(Partner partner, Money balance, Money earned, Money paid, long clicks,
                      long orders) {
    }

    private final PartnerAdministration administration;
    private final Ledger ledger;
    private final Payouts payouts;
    private final PartnerStatistics statistics;
    private final Orders orders;
    private final Settings settings;
    private final Clock clock;

    AdminPartnerListController(PartnerAdministration administration, Ledger ledger, Payouts payouts,
                               PartnerStatistics statistics, Orders orders, Settings settings, Clock clock) {
        this.administration = administration;
        this.ledger = ledger;
        this.payouts = payouts;
        this.statistics = statistics;
        this.orders = orders;
        this.settings = settings;
        this.clock = clock;
    }

    @GetMapping("/admin/partners")
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "joined") String sort,
                @RequestParam(defaultValue = "desc") String dir, @RequestParam(defaultValue = "0") int page,
                Model model) {
        Sort by = Sort.of(sort);
        boolean ascending = "asc".equalsIgnoreCase(dir);
        List<PartnerRow> rows = rows(q);
        Comparator<PartnerRow> order = Comparator.comparing(by.figure);
        order = (ascending ? order : order.reversed()).thenComparing(r -> -r.partner().id());
        List<PartnerRow> sorted = rows.stream().sorted(order).toList();
        int size = PartnerAdministration.PAGE_SIZE;
        int p = Math.max(0, Math.min(page, sorted.size() / size));
        model.addAttribute("zone", settings.zone());
        model.addAttribute("q", q);
        model.addAttribute("sort", by.code());
        model.addAttribute("dir", ascending ? "asc" : "desc");
        model.addAttribute("page", p);
        model.addAttribute("hasNext", sorted.size() > (p + 1) * size);
        model.addAttribute("partners", sorted.subList(Math.min(p * size, sorted.size()),
                Math.min((p + 1) * size, sorted.size())));
        model.addAttribute("days", DAYS);
        return "admin/partners";
    }

    List<PartnerRow> rows(String q) {
        List<Partner> found = administration.matching(q, MAX_PARTNERS);
        List<Long> ids = found.stream().map(Partner::id).toList();
        Map<Long, Ledger.Totals> totals = ledger.totals(ids);
        Map<Long, Money> paid = payouts.paid(ids);
        ZoneId zone = settings.zone();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate first = today.minusDays(DAYS - 1L);
        Map<Long, Long> clicks = statistics.clicksByPartner(first, today);
        Map<Long, Long> referred = orders.countByPartnerSince(first.atStartOfDay(zone).toInstant());
        return found.stream().map(p -> {
            Ledger.Totals t = totals.getOrDefault(p.id(), Ledger.Totals.none(p.id()));
            return new PartnerRow(p, t.balance(), t.earned(), paid.getOrDefault(p.id(), BaseCurrency.zero()),
                    clicks.getOrDefault(p.id(), 0L), referred.getOrDefault(p.id(), 0L));
        }).toList();
    }
}
