package app.ratelink.operatorapi.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import app.ratelink.operatorapi.OperatorApi;
import app.ratelink.system.AuditTrail;
import app.ratelink.system.BadRequestException;

/**
 * {@code GET /api/operator/v1/audit?from=&to=&actor=&limit=}: the audit trail as a JSON array, newest first,
 * of {@code {time, actor, address, action, target, changes}}. {@code from}/{@code to}: ISO-8601 instants,
 * unix seconds or days (UTC), inclusive; {@code actor}: contained; {@code limit}: 1–1000, default 100.
 */
@OperatorApi
@RequestMapping("/api/operator/v1/audit")
class AuditOperatorController {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private final AuditTrail audit;

    AuditOperatorController(AuditTrail audit) {
        this.audit = audit;
    }

    record EntryJson(Instant time, String actor, String address, String action, String target,
                     Map<String, Object> changes) {
    }

    @GetMapping
    List<EntryJson> list(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                         @RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                         @RequestParam(required = false) String target,
                         @RequestParam(required = false) String limit) {
        int max = DEFAULT_LIMIT;
        if (limit != null && !limit.isBlank()) {
            try {
                max = Integer.parseInt(limit.trim());
            } catch (NumberFormatException e) {
                throw new BadRequestException("limit", "limit must be a whole number from 1 to " + MAX_LIMIT);
            }
            if (max < 1 || max > MAX_LIMIT) {
                throw new BadRequestException("limit", "limit must be a whole number from 1 to " + MAX_LIMIT);
            }
        }
        Instant start = time("from", from, false);
        Instant end = time("to", to, true);
        if (start != null && end != null && start.isAfter(end)) {
            throw new BadRequestException("from", "from must not be after to");
        }
        return audit.search(actor, action, target, start, end, max).stream()
                .map(e -> new EntryJson(e.time(), e.actor(), e.address(), e.action(), e.target(), e.changesMap()))
                .toList();
    }

    private static Instant time(String field, String text, boolean endOfDay) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        try {
            if (t.matches("\\d{1,12}")) {
                return Instant.ofEpochSecond(Long.parseLong(t));
            }
            if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
                LocalDate day = LocalDate.parse(t);
                return endOfDay ? day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1000)
                        : day.atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(t);
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new BadRequestException(field, field + " must be an ISO-8601 time, unix seconds or a day YYYY-MM-DD");
        }
    }
}
