package app.ratelink.monitoring.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import app.ratelink.money.BaseCurrency;
import app.ratelink.feed.FeedProfile;
import app.ratelink.feed.FeedProfiles;
import app.ratelink.feed.FeedRobot;
import app.ratelink.feed.FeedRobots;
import app.ratelink.money.Decimals;
import app.ratelink.partner.Partner;
import app.ratelink.partner.Partners;
import app.ratelink.partner.Partnerships;
import app.ratelink.payout.Payouts;
import app.ratelink.referral.PartnerStatistics;
import app.ratelink.reward.PartnerOrder;
import app.ratelink.reward.Rewards;
import app.ratelink.reward.UniqueClickRewards;
import app.ratelink.system.Settings;

/**
 * {@code /admin/monitorings}: the partners that feed profiles name, and {@code /admin/monitorings/{partnerId}}:
 * one monitoring in one place (feed URLs, robots, clicks of the last 30 days, recent orders, rewards, payouts).
 * Only reads.
 */
@Controller
class AdminMonitoringsController {

    static final int RECENT = 20;
    static final int STATS_DAYS = 30;

    private final FeedProfiles profiles;
    private final FeedRobots robots;
    private final Partners partners;
    private final Partnerships partnerships;
    private final PartnerStatistics statistics;
    private final Rewards rewards;
    private final UniqueClickRewards uniqueClicks;
    private final Payouts payouts;
    private final Settings settings;
    private final Clock clock;

    AdminMonitoringsController(FeedProfiles profiles, FeedRobots robots, Partners partners, Partnerships partnerships,
                               PartnerStatistics statistics, Rewards rewards, UniqueClickRewards uniqueClicks,
                               Payouts payouts, Settings settings, Clock clock) {
        this.profiles = profiles;
        this.robots = robots;
        this.partners = partners;
        this.partnerships = partnerships;
        this.statistics = statistics;
        this.rewards = rewards;
        this.uniqueClicks = uniqueClicks;
        this.payouts = payouts;
        this.settings = settings;
        this.clock = clock;
    }

    record Listed(Partner partner, List<FeedProfile> feeds) {
    }

    record Feed(FeedProfile profile, List<FeedRobot> robots) {
    }

    @GetMapping("/admin/monitorings")
    String list(Model model) {
        Map<Long, List<FeedProfile>> byPartner = new LinkedHashMap<>();
        for (FeedProfile p : profiles.all()) {
            if (p.partnerId() != null) {
                byPartner.computeIfAbsent(p.partnerId(), k -> new ArrayList<>()).add(p);
            }
        }
        List<Listed> listed = new ArrayList<>();
        byPartner.forEach((id, feeds) -> partners.byId(id).ifPresent(p -> listed.add(new Listed(p, feeds))));
        model.addAttribute("monitorings", listed);
        return "monitoring/admin-monitorings";
    }

    @GetMapping("/admin/monitorings/{partnerId}")
    String one(@PathVariable long partnerId, Model model) {
        Partner partner = partners.byId(partnerId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        LocalDate today = clock.instant().atZone(settings.zone()).toLocalDate();
        List<Feed> feeds = profiles.all().stream().filter(p -> Long.valueOf(partnerId).equals(p.partnerId()))
                .map(p -> new Feed(p, robots.of(p.code()))).toList();
        List<PartnerOrder> orders = new ArrayList<>();
        rewards.eachOrderOfPartner(partnerId, null, null, RECENT, orders::add);
        model.addAttribute("partner", partner);
        model.addAttribute("link", partners.link(partner));
        model.addAttribute("terms", partnerships.terms(partnerId));
        model.addAttribute("feeds", feeds);
        model.addAttribute("base", settings.baseUrl());
        model.addAttribute("zone", settings.zone());
        model.addAttribute("stats", statistics.of(partnerId, today.minusDays(STATS_DAYS - 1L), today));
        model.addAttribute("orders", orders);
        model.addAttribute("balance", payouts.balance(partnerId).toPlainString());
        model.addAttribute("earned", rewards.earned(partnerId).toPlainString());
        model.addAttribute("uniqueClicksEarned", Decimals.plain(uniqueClicks.total(partnerId)));
        model.addAttribute("received", payouts.totalReceived(partnerId).toPlainString());
        model.addAttribute("pending", payouts.pending(partnerId).toPlainString());
        model.addAttribute("payouts", payouts.ofPartner(partnerId, RECENT));
        model.addAttribute("month", YearMonth.from(today).toString());
        model.addAttribute("currency", BaseCurrency.code());
        return "monitoring/admin-monitoring";
    }
}
