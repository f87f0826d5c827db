package app.ratelink.reward.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import app.ratelink.money.BaseCurrency;
import app.ratelink.money.Decimals;
import app.ratelink.order.SubIds;
import app.ratelink.partner.Partners;
import app.ratelink.reward.PartnerOrder;
import app.ratelink.reward.RewardTerms;
import app.ratelink.reward.Rewards;
import app.ratelink.system.CsvRecord;
import app.ratelink.system.Settings;
import app.ratelink.system.web.Formats;

/**
 * Cabinet → Exchanges: the orders the partner's clients placed, with the reward on each, whether it
 * completed and whether its reward is credited now; a date filter (days in the site's time zone,
 * inclusive) and the partner's sub-IDs (exact values), and a CSV export of the same selection. The page
 * shows the newest {@value #PAGE}; the CSV
 * streams the whole range.
 */
@Controller
class CabinetExchangesController {

    static final int PAGE = 200;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Rewards rewards;
    private final Settings settings;
    private final Formats formats;

    CabinetExchangesController(Rewards rewards, Settings settings, Formats formats) {
        this.rewards = rewards;
        this.settings = settings;
        this.formats = formats;
    }

    record Row(long id, String time, String direction, String give, String get, String course, String reward,
               boolean success, boolean accrued, String userHash, SubIds subIds) {
        /** The page's row: its time as the reader writes times (the CSV keeps its fixed form). */
        static Row of(PartnerOrder o, String time) {
            return new Row(o.id(), time,
                    o.currencyCodeGive() + " → " + o.currencyCodeGet(),
                    plain(o.amountGive()) + " " + o.currencyCodeGive(), plain(o.amountGet()) + " " + o.currencyCodeGet(),
                    plain(o.courseGive()) + " : " + plain(o.courseGet()), plain(o.partnerReward()), o.success(),
                    o.accrued(), o.userHash() == null ? "" : o.userHash(), o.subIds());
        }
    }

    /** The partner's current percent in words, with the level it can reach next. */
    record Terms(String percent, String base, boolean personal, String turnover, String nextPercent, String nextTurnover) {
        static Terms of(RewardTerms t) {
            return new Terms(Decimals.plain(t.percent()) + "%",
                    "amount".equals(t.base()) ? "cabinet.exchanges.base.amount" : "cabinet.exchanges.base.profit",
                    t.personal(), Decimals.plain(t.turnoverUsd()),
                    t.nextPercent() == null ? null : Decimals.plain(t.nextPercent()) + "%",
                    t.nextTurnoverUsd() == null ? null : Decimals.plain(t.nextTurnoverUsd()));
        }
    }

    @GetMapping("/account/exchanges")
    String page(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam Map<String, String> parameters, Model model) {
        long partnerId = partnerId();
        ZoneId zone = settings.zone();
        LocalDate start = date(from);
        LocalDate end = date(to);
        SubIds tags = tags(parameters);
        List<Row> rows = new ArrayList<>();
        rewards.eachOrderOfPartner(partnerId, startOf(start, zone), endOf(end, zone), tags, PAGE + 1,
                o -> rows.add(Row.of(o, formats.time(o.time(), zone))));
        model.addAttribute("tags", tags);
        boolean more = rows.size() > PAGE;
        model.addAttribute("orders", more ? rows.subList(0, PAGE) : rows);
        model.addAttribute("more", more);
        model.addAttribute("page", PAGE);
        model.addAttribute("earned", rewards.earned(partnerId).toPlainString());
        model.addAttribute("terms", Terms.of(rewards.terms(partnerId)));
        model.addAttribute("base", BaseCurrency.code());
        model.addAttribute("from", start == null ? "" : start.toString());
        model.addAttribute("to", end == null ? "" : end.toString());
        model.addAttribute("zone", zone.getId());
        return "reward/exchanges";
    }

    @GetMapping("/account/exchanges.csv")
    void csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
             @RequestParam Map<String, String> parameters, HttpServletResponse response) throws IOException {
        long partnerId = partnerId();
        ZoneId zone = settings.zone();
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"exchanges.csv\"");
        response.setHeader("Cache-Control", "no-store");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write(CsvRecord.of("id", "time", "currency_code_give", "currency_code_get", "amount_give", "amount_get",
                "course_give", "course_get", "partner_reward", "exchange_success", "accrued", "user_hash",
                "sub1", "sub2", "sub3", "sub4", "sub5", "click_id"));
        try {
            rewards.eachOrderOfPartner(partnerId, startOf(date(from), zone), endOf(date(to), zone), tags(parameters),
                    null, o -> {
                try {
                    SubIds t = o.subIds();
                    out.write(CsvRecord.of(Long.toString(o.id()), TIME.format(o.time().atZone(zone)),
                            o.currencyCodeGive(), o.currencyCodeGet(), plain(o.amountGive()), plain(o.amountGet()),
                            plain(o.courseGive()), plain(o.courseGet()), plain(o.partnerReward()),
                            o.success() ? "1" : "0", o.accrued() ? "1" : "0", o.userHash(), t.sub1(), t.sub2(),
                            t.sub3(), t.sub4(), t.sub5(), t.clickId()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.flush();
    }

    /** The sub-ID filters ({@code sub1}…{@code sub5}, {@code click_id}), trimmed; empty = no filter. */
    static SubIds tags(Map<String, String> parameters) {
        List<String> v = SubIds.NAMES.stream().map(n -> parameters.getOrDefault(n, "").trim()).toList();
        return new SubIds(v.get(0), v.get(1), v.get(2), v.get(3), v.get(4), v.get(5));
    }

    /** A bad or missing date is no filter, never an error page. */
    static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text.trim());
            // +999999999-12-31 parses, but no database keeps such a time: as bad as a malformed date.
            return date.getYear() < 1900 || date.getYear() > 9999 ? null : date;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant startOf(LocalDate day, ZoneId zone) {
        return day == null ? null : day.atStartOfDay(zone).toInstant();
    }

    /** The last microsecond of the day: the query's bound is inclusive and both databases keep microseconds. */
    private static Instant endOf(LocalDate day, ZoneId zone) {
        return day == null ? null : day.plusDays(1).atStartOfDay(zone).toInstant().minusNanos(1_000);
    }

    private static String plain(BigDecimal value) {
        return value == null ? "0" : Decimals.plain(value);
    }

    private static long partnerId() {
        return Partners.currentPartnerId().orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
    }
}
