package app.ratelink.referral.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import tools.jackson.databind.ObjectMapper;

import app.ratelink.partner.Partners;
import app.ratelink.referral.ClickLog;
import app.ratelink.referral.ClickQuery;
import app.ratelink.referral.PartnerStatistics;
import app.ratelink.system.CsvRecord;
import app.ratelink.system.Settings;
import app.ratelink.system.web.Formats;

/**
 * The partner's statistics block on "Partnership program" (an htmx fragment), the clicks page with
 * filters, and its CSV export. Only counted clicks are shown: what a partner is paid on.
 */
@Controller
class CabinetClicksController {

    private static final int PAGE = 50;
    private static final List<Integer> PERIODS = List.of(7, 30, 90, 365);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final PartnerStatistics statistics;
    private final ClickLog log;
    private final Settings settings;
    private final Clock clock;
    private final ObjectMapper json;
    private final Formats formats;

    CabinetClicksController(PartnerStatistics statistics, ClickLog log, Settings settings, Clock clock,
                            ObjectMapper json, Formats formats) {
        this.formats = formats;
        this.statistics = statistics;
        this.log = log;
        this.settings = settings;
        this.clock = clock;
        this.json = json;
    }

    private static long partnerId() {
        return Partners.currentPartnerId().orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
    }

    @GetMapping("/account/partner/stats")
    String stats(@RequestParam(required = false) Integer days, @RequestParam(required = false) String from,
                 @RequestParam(required = false) String to, Model model) {
        long partnerId = partnerId();
        ZoneId zone = settings.zone();
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        LocalDate end = Periods.date(to);
        LocalDate start = Periods.date(from);
        int period = days != null && PERIODS.contains(days) ? days : 30;
        if (start == null || end == null || end.isBefore(start)
                || start.plusDays(PartnerStatistics.MAX_DAYS - 1L).isBefore(end)) {
            end = today;
            start = today.minusDays(period - 1L);
        } else {
            period = 0;
        }
        PartnerStatistics.Statistics s = statistics.of(partnerId, start, end);
        model.addAttribute("stats", s);
        model.addAttribute("period", period);
        model.addAttribute("periods", PERIODS);
        model.addAttribute("chart", chart(s));
        return "referral/stats :: stats";
    }

    private String chart(PartnerStatistics.Statistics s) {
        Map<String, Object> data = new LinkedHashMap<>();
        // The chart's days as the table's: in the reader's date format.
        data.put("labels", s.days().stream().map(d -> formats.date(d.day())).toList());
        data.put("clicks", s.days().stream().map(PartnerStatistics.Day::clicks).toList());
        data.put("visitors", s.days().stream().map(PartnerStatistics.Day::visitors).toList());
        data.put("orders", s.days().stream().map(PartnerStatistics.Day::orders).toList());
        return json.writeValueAsString(data);
    }

    @GetMapping("/account/clicks")
    String clicks(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                  @RequestParam(required = false) String browser, @RequestParam(required = false) String referrer,
                  @RequestParam(required = false) String userHash, @RequestParam(required = false) Long beforeId,
                  @RequestParam(required = false) Long beforeTime, Model model) {
        ClickQuery query = ClickQuery.ofPartner(partnerId(), Periods.date(from), Periods.date(to), browser, referrer,
                userHash);
        if (beforeId != null && Periods.cursorTime(beforeTime) != null) {
            query = query.before(Periods.cursorTime(beforeTime), beforeId);
        }
        ClickLog.Page page = log.page(query, PAGE);
        model.addAttribute("clicks", page.rows());
        model.addAttribute("older", page.older());
        model.addAttribute("nextTime", page.older() ? page.nextTime().toEpochMilli() : null);
        model.addAttribute("nextId", page.nextId());
        model.addAttribute("from", from == null ? "" : from);
        model.addAttribute("to", to == null ? "" : to);
        model.addAttribute("browser", browser == null ? "" : browser);
        model.addAttribute("referrer", referrer == null ? "" : referrer);
        model.addAttribute("userHash", userHash == null ? "" : userHash);
        model.addAttribute("zone", settings.zone());
        return "referral/clicks";
    }

    @GetMapping("/account/clicks.csv")
    void csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
             @RequestParam(required = false) String browser, @RequestParam(required = false) String referrer,
             @RequestParam(required = false) String userHash, HttpServletResponse response) throws IOException {
        ClickQuery query = ClickQuery.ofPartner(partnerId(), Periods.date(from), Periods.date(to), browser, referrer,
                userHash);
        ZoneId zone = settings.zone();
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"clicks.csv\"");
        response.setHeader("Cache-Control", "no-store");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write(CsvRecord.of("id", "time", "browser", "ip", "referrer", "user_hash", "query_string"));
        try {
            log.each(query, c -> {
                try {
                    out.write(CsvRecord.of(Long.toString(c.id()), TIME.format(c.time().atZone(zone)), c.browser(),
                            c.ip(), c.referrer(), c.userHash(), c.queryString()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.flush();
    }
}
