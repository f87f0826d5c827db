package app.ratelink.reward.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import app.ratelink.money.Decimals;
import app.ratelink.partner.PartnerTerms;
import app.ratelink.partner.Partners;
import app.ratelink.partner.Partnerships;
import app.ratelink.reward.UniqueClickCredit;
import app.ratelink.reward.UniqueClickRewards;
import app.ratelink.system.CsvRecord;
import app.ratelink.system.Settings;

/**
 * Pay per unique click for both sides: the cabinet's block on the partnership page and the monthly statement
 * (CSV: day, unique visitors, amount per visitor, amount) for the partner ({@code /account/partner/unique-clicks.csv})
 * and for the operator ({@code /admin/partners/{id}/unique-clicks.csv}); {@code month=YYYY-MM}, this month by default.
 */
@Controller
class UniqueClicksController {

    private final UniqueClickRewards rewards;
    private final Partnerships partnerships;
    private final Partners partners;
    private final Settings settings;
    private final Clock clock;

    UniqueClicksController(UniqueClickRewards rewards, Partnerships partnerships, Partners partners, Settings settings,
                           Clock clock) {
        this.clock = clock;
        this.rewards = rewards;
        this.partnerships = partnerships;
        this.partners = partners;
        this.settings = settings;
    }

    @GetMapping("/account/partner/unique-clicks")
    String cabinet(@RequestParam(required = false) String month, Model model) {
        long partnerId = partnerId();
        PartnerTerms terms = partnerships.terms(partnerId);
        YearMonth shown = month(month);
        model.addAttribute("terms", terms);
        model.addAttribute("reward", Decimals.plain(terms.uniqueClickReward()));
        model.addAttribute("earned", Decimals.plain(rewards.total(partnerId)));
        model.addAttribute("month", shown.toString());
        model.addAttribute("previous", shown.minusMonths(1).toString());
        model.addAttribute("days", rewards.statement(partnerId, shown));
        return "reward/unique-clicks";
    }

    @GetMapping("/account/partner/unique-clicks.csv")
    void cabinetCsv(@RequestParam(required = false) String month, HttpServletResponse response) throws IOException {
        csv(partnerId(), month(month), response);
    }

    @GetMapping("/admin/partners/{id}/unique-clicks.csv")
    void adminCsv(@PathVariable long id, @RequestParam(required = false) String month, HttpServletResponse response)
            throws IOException {
        partners.byId(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        csv(id, month(month), response);
    }

    private void csv(long partnerId, YearMonth month, HttpServletResponse response) throws IOException {
        List<UniqueClickCredit> days = rewards.statement(partnerId, month);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"unique-clicks-" + month + ".csv\"");
        response.setHeader("Cache-Control", "no-store");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write(CsvRecord.of("day", "unique_visitors", "reward_per_visitor", "amount"));
        long visitors = 0;
        BigDecimal total = BigDecimal.ZERO;
        for (UniqueClickCredit d : days) {
            out.write(CsvRecord.of(d.day().toString(), Long.toString(d.visitors()), Decimals.plain(d.reward()),
                    Decimals.plain(d.amount())));
            visitors += d.visitors();
            total = total.add(d.amount());
        }
        out.write(CsvRecord.of("total " + month, Long.toString(visitors), "", Decimals.plain(total)));
        out.flush();
    }

    /** A missing or bad month is this month (site time zone), never an error page. */
    private YearMonth month(String text) {
        if (text != null && !text.isBlank()) {
            try {
                return YearMonth.parse(text.trim());
            } catch (DateTimeParseException e) {
                // this month
            }
        }
        return YearMonth.from(clock.instant().atZone(settings.zone()));
    }

    private static long partnerId() {
        return Partners.currentPartnerId().orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
    }
}
