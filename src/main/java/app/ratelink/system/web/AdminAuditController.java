package app.ratelink.system.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import app.ratelink.system.AuditTrail;
import app.ratelink.system.Settings;

/**
 * {@code /admin/audit}: the audit trail, newest first, filtered by actor, action, target and period (days
 * in the site's time zone, both inclusive). Read-only: there is no form that changes an entry.
 */
@Controller
class AdminAuditController {

    static final int PAGE = 500;

    private final AuditTrail audit;
    private final Settings settings;

    AdminAuditController(AuditTrail audit, Settings settings) {
        this.audit = audit;
        this.settings = settings;
    }

    @GetMapping("/admin/audit")
    String audit(@RequestParam(defaultValue = "") String actor, @RequestParam(defaultValue = "") String action,
                 @RequestParam(defaultValue = "") String target, @RequestParam(defaultValue = "") String from,
                 @RequestParam(defaultValue = "") String to, Model model) {
        ZoneId zone = settings.zone();
        LocalDate fromDay = day(from);
        LocalDate toDay = day(to);
        Instant start = fromDay == null ? null : fromDay.atStartOfDay(zone).toInstant();
        Instant end = toDay == null ? null : toDay.plusDays(1).atStartOfDay(zone).toInstant().minusNanos(1000);
        model.addAttribute("entries", audit.search(actor, action, target, start, end, PAGE));
        model.addAttribute("actor", actor);
        model.addAttribute("action", action);
        model.addAttribute("target", target);
        model.addAttribute("from", fromDay == null ? "" : fromDay.toString());
        model.addAttribute("to", toDay == null ? "" : toDay.toString());
        model.addAttribute("zone", zone);
        return "admin/audit";
    }

    private static LocalDate day(String text) {
        try {
            return text.isBlank() ? null : LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
