package app.ratelink.postback;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values of a postback by name: {@code {event}}, {@code {order_id}}, … in a GET URL template, and the
 * same names in the JSON body of a POST. Every value is a string ("" when the event has none), the text a
 * GET macro is replaced with.
 */
final class Macros {

    static final List<String> NAMES = List.of("event", "event_id", "order_id", "status", "amount_give",
            "currency_give", "amount_get", "currency_get", "reward", "sub1", "sub2", "sub3", "sub4", "sub5",
            "click_id", "time", "payout_id");

    private static final Pattern MACRO = Pattern.compile("\\{([A-Za-z0-9_]*)}");

    private Macros() {
    }

    /** Every name, "" unless given. */
    static Map<String, String> values(Map<String, String> given) {
        Map<String, String> all = new LinkedHashMap<>();
        for (String name : NAMES) {
            String v = given.get(name);
            all.put(name, v == null ? "" : v);
        }
        return all;
    }

    /** The first {@code {name}} of the template that is no macro. */
    static Optional<String> unknown(String template) {
        Matcher m = MACRO.matcher(template);
        while (m.find()) {
            if (!NAMES.contains(m.group(1))) {
                return Optional.of(m.group());
            }
        }
        return Optional.empty();
    }

    /** The template with each macro replaced by its value, URL-encoded (a space is %20). */
    static String expand(String template, Map<String, String> values) {
        Matcher m = MACRO.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group()
                    : URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20")));
        }
        m.appendTail(out);
        return out.toString();
    }
}
