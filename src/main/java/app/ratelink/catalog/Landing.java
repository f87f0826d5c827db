package app.ratelink.catalog;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

import org.springframework.stereotype.Service;

/**
 * Where a client from a monitoring lands. Monitorings append {@code cur_from}/{@code cur_to} (any
 * letter case, values are monitoring codes or aliases in any case) to any landing URL; the client must
 * always land somewhere useful: the direction page when the direction is open, else the home page with
 * the known side pre-selected and a notice. Never an error page.
 */
@Service
public class Landing {

    public static final String NOTICE_UNAVAILABLE = "direction-unavailable";
    public static final String NOTICE_UNKNOWN = "unknown-currency";

    private final Catalog catalog;

    Landing(Catalog catalog) {
        this.catalog = catalog;
    }

    /** The landing parameters of a request, whatever the case of their names. */
    public record Request(String curFrom, String curTo, String city, String amount) {

        public static Request of(Map<String, String[]> parameters) {
            return new Request(first(parameters, "cur_from"), first(parameters, "cur_to"),
                    first(parameters, "city"), first(parameters, "amount"));
        }

        /** True when the client came with a currency choice (cur_from or cur_to). */
        public boolean hasChoice() {
            return curFrom != null || curTo != null;
        }

        private static String first(Map<String, String[]> parameters, String name) {
            for (Map.Entry<String, String[]> e : parameters.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name) && e.getValue() != null && e.getValue().length > 0) {
                    String v = e.getValue()[0];
                    // A control character (NUL) is no currency code, and PostgreSQL refuses it in a query.
                    return v == null || v.isBlank() || v.chars().anyMatch(c -> c < 0x20 || (c >= 0x7F && c <= 0x9F))
                            ? null : v.trim();
                }
            }
            return null;
        }
    }

    /** A path on this site (with query) to send the client to. */
    public String target(Request request) {
        Optional<Currency> from = catalog.activeCurrency(request.curFrom());
        Optional<Currency> to = catalog.activeCurrency(request.curTo());
        if (from.isPresent() && to.isPresent() && catalog.activeDirection(from.get().code(), to.get().code()).isPresent()) {
            return "/exchange/" + from.get().code() + "/" + to.get().code() + query(null, null, null, request);
        }
        if (!request.hasChoice()) {
            return "/";
        }
        String notice = from.isPresent() || to.isPresent() ? NOTICE_UNAVAILABLE : NOTICE_UNKNOWN;
        return "/" + query(from.map(Currency::code).orElse(null), to.map(Currency::code).orElse(null), notice, request);
    }

    private static String query(String give, String get, String notice, Request request) {
        StringJoiner q = new StringJoiner("&", "?", "").setEmptyValue("");
        if (give != null) {
            q.add("give=" + give);
        }
        if (get != null) {
            q.add("get=" + get);
        }
        if (notice != null) {
            q.add("notice=" + notice);
        }
        String city = request.city() == null ? null : request.city().toUpperCase(Locale.ROOT);
        if (city != null && city.matches("[A-Z0-9]{2,16}")) {
            q.add("city=" + city);
        }
        if (request.amount() != null && isAmount(request.amount())) {
            q.add("amount=" + URLEncoder.encode(request.amount(), StandardCharsets.UTF_8));
        }
        return q.toString();
    }

    private static boolean isAmount(String text) {
        if (text.length() > 30) {
            return false;
        }
        try {
            return new BigDecimal(text.replace(',', '.')).signum() > 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
