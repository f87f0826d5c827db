package app.ratelink.order.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import app.ratelink.order.OrderQuery;
import app.ratelink.order.OrderStatus;
import app.ratelink.partner.Partner;
import app.ratelink.partner.Partners;
import app.ratelink.system.BadRequestException;
import app.ratelink.system.Settings;
import app.ratelink.system.Refusal;

/**
 * The operator's order search, as the admin page, the operator API and the CSV export all read it:
 * {@code q} (order id, order number, public id, client e-mail or receiving account), {@code partnerId} (a partner's id
 * or e-mail), {@code from}/{@code to} (unix seconds, an ISO-8601 instant, or a date {@code 2026-12-01} in
 * the site's time zone: from its first, to its last instant), {@code status}, {@code direction}
 * ({@code PMUSD-BTC}; {@code PMUSD-} or {@code -BTC} for one side; {@code PMUSD} for either side).
 * A bad value is refused by its name.
 */
@Component
class OrderSearch {

    record Params(String q, String partnerId, String from, String to, String status, String direction) {

        boolean any() {
            return filled(q) || filled(partnerId) || filled(from) || filled(to) || filled(status) || filled(direction);
        }

        private static boolean filled(String s) {
            return s != null && !s.isBlank();
        }
    }

    /** Matches no partner id: the e-mail named no partner, so no order can be its. */
    private static final long NO_PARTNER = -1;
    private static final Pattern DIRECTION = Pattern.compile("([A-Za-z0-9]{2,10})?\\s*[-/>]\\s*([A-Za-z0-9]{2,10})?");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9]{2,10}");

    private final Partners partners;
    private final Settings settings;

    OrderSearch(Partners partners, Settings settings) {
        this.partners = partners;
        this.settings = settings;
    }

    OrderQuery query(Params p, int limit) {
        ZoneId zone = settings.zone();
        OrderStatus status = p.status() == null || p.status().isBlank() ? null : OrderStatus.of(p.status())
                .orElseThrow(() -> new BadRequestException("status",
                        Refusal.of("refusal.search.status", "Unknown status " + p.status())));
        Instant from = time("from", p.from(), zone, false);
        Instant to = time("to", p.to(), zone, true);
        if (from != null && to != null && from.isAfter(to)) {
            throw new BadRequestException("from", Refusal.of("refusal.search.fromAfterTo", "from must not be after to"));
        }
        OrderQuery query = new OrderQuery(status, from, to, partner(p.partnerId()), null, limit, 0).withText(p.q());
        String direction = p.direction() == null ? "" : p.direction().strip();
        if (direction.isEmpty()) {
            return query;
        }
        if (CODE.matcher(direction).matches()) {
            return query.withCurrency(direction);
        }
        Matcher m = DIRECTION.matcher(direction);
        if (!m.matches() || (m.group(1) == null && m.group(2) == null)) {
            throw new BadRequestException("direction", Refusal.of("refusal.search.direction",
                    "direction must look like PMUSD-BTC, PMUSD-, -BTC or PMUSD"));
        }
        return query.withDirection(m.group(1), m.group(2));
    }

    private Long partner(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        if (t.matches("\\d{1,18}")) {
            return Long.valueOf(t);
        }
        if (t.contains("@")) {
            return partners.byEmail(t).map(Partner::id).orElse(NO_PARTNER);
        }
        throw new BadRequestException("partnerId", Refusal.of("refusal.search.partner",
                "partnerId must be a partner's id or e-mail"));
    }

    static Instant time(String field, String text, ZoneId zone, boolean endOfDay) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        try {
            if (t.matches("-?\\d{1,12}")) {
                return Instant.ofEpochSecond(Long.parseLong(t));
            }
            if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
                LocalDate day = LocalDate.parse(t);
                return endOfDay ? day.plusDays(1).atStartOfDay(zone).toInstant().minusNanos(1000)
                        : day.atStartOfDay(zone).toInstant();
            }
            return Instant.parse(t);
        } catch (DateTimeParseException e) {
            throw new BadRequestException(field, Refusal.of("refusal.search.time",
                    field + " must be unix seconds, an ISO-8601 instant or a date"));
        }
    }
}
