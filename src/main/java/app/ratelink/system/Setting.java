package app.ratelink.system;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Every operator setting (SPEC §8), by the name it has in the operator API and the admin page.
 * Values are stored as text; each setting validates its own text so a bad value is refused
 * before it is stored.
 */
public enum Setting {
    BASE_URL("baseUrl", "", "Public base URL of the site (empty: ratelink.base-url)",
            v -> v.isEmpty() || v.matches("https?://[^\\s]+")),
    TIME_ZONE("timeZone", "UTC", "Time zone of dates in the partner API and pages", Setting::isZone),
    COOKIE_LIFETIME_DAYS("cookieLifetimeDays", "365", "Lifetime of the partner attribution cookie, days",
            v -> isIntBetween(v, 1, 3650)),
    ORDER_EXPIRY_MINUTES("orderExpiryMinutes", "30", "Unpaid new orders are cancelled after this many minutes",
            v -> isIntBetween(v, 1, 100000)),
    REWARD_BASE("rewardBase", "profit", "Reward base: profit (exchanger profit on the order) or amount",
            v -> v.equals("profit") || v.equals("amount")),
    REWARD_PERCENT("rewardPercent", "10", "Default partner reward, % of the base", Setting::isPercent),
    REWARD_LEVELS("rewardLevels", "0:10", "Levels: turnoverUsd:percent, comma separated",
            Setting::isLevels),
    MIN_PAYOUT("minPayout", "10", "Minimum balance for a payout request, base currency", Setting::isNonNegativeDecimal),
    API_MODE("apiMode", "on", "Partner API: on, off, or selected (only the partners listed in apiPartners)",
            v -> v.equals("on") || v.equals("off") || v.equals("selected")),
    API_PARTNERS("apiPartners", "", "Partner ids allowed when apiMode=selected, comma separated",
            v -> v.isEmpty() || v.matches("\\d+(\\s*,\\s*\\d+)*")),
    API_FULL_IPS("apiFullIps", "false", "Show full client IPs in get_links", Setting::isBoolean),
    API_RATE_LIMIT("apiRateLimitPerMinute", "120", "Partner API requests per minute per key",
            v -> isIntBetween(v, 1, 1000000)),
    MANUAL_HOURS("manualHours", "", "Operator working hours HH:MM-HH:MM in timeZone; outside them the rate feeds "
            + "leave manual directions out (empty: always listed)",
            v -> v.isEmpty() || v.matches("([01]\\d|2[0-3]):[0-5]\\d-([01]\\d|2[0-3]):[0-5]\\d")),
    MAINTENANCE("maintenance", "false", "Maintenance mode: site offline, feeds answer 503", Setting::isBoolean),
    // Empty by default: with loopback trusted, anyone on the host (or a local proxy forwarding what it was sent)
    // chose its own address by X-Forwarded-For and escaped the per-address login limit.
    TRUSTED_PROXIES("trustedProxies", "", "Addresses or CIDR ranges of the reverse proxies whose X-Forwarded-For "
            + "is honoured, comma separated (empty: none, the connection address is the client address)",
            v -> v.isEmpty() || v.matches("[0-9a-fA-F.:/]+(\\s*,\\s*[0-9a-fA-F.:/]+)*")),
    EXCHANGE_RULES("exchangeRules", "", "Exchange rules shown at /rules and linked from the order form of "
            + "directions that require consent; paragraphs separated by empty lines (empty: the built-in text)",
            v -> v.length() <= 3900),
    OPERATOR_EMAILS("operatorEmails", "", "Operator addresses that hear of new orders, paid orders, payout "
            + "requests and alerts, comma separated (empty: nobody)",
            v -> v.isEmpty() || v.matches("[^\\s,@]+@[^\\s,@]+(\\s*,\\s*[^\\s,@]+@[^\\s,@]+)*")),
    POSTBACK_PRIVATE_ADDRESSES("postbackPrivateAddresses", "false", "Postbacks of partners may go to private, "
            + "loopback and link-local addresses (false: only public ones, so no postback reaches the internal network)",
            Setting::isBoolean),
    DEFAULT_LANGUAGE("defaultLanguage", "en", "Language of pages for visitors whose browser asks for none we speak "
            + "(en, ru, ...)", v -> v.matches("[a-z]{2,3}") && Languages.supports(v));

    private static final Pattern INT = Pattern.compile("-?\\d{1,9}");

    private final String key;
    private final String defaultValue;
    private final String description;
    private final Predicate<String> valid;

    Setting(String key, String defaultValue, String description, Predicate<String> valid) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.description = description;
        this.valid = valid;
    }

    public String key() {
        return key;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    public boolean accepts(String value) {
        return value != null && valid.test(value.trim());
    }

    public static Optional<Setting> byKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }

    private static boolean isBoolean(String v) {
        return v.equals("true") || v.equals("false");
    }

    private static boolean isIntBetween(String v, int min, int max) {
        if (!INT.matcher(v).matches()) {
            return false;
        }
        int n = Integer.parseInt(v);
        return n >= min && n <= max;
    }

    private static boolean isNonNegativeDecimal(String v) {
        try {
            return new BigDecimal(v).signum() >= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isPercent(String v) {
        try {
            BigDecimal p = new BigDecimal(v);
            return p.signum() >= 0 && p.compareTo(BigDecimal.valueOf(100)) <= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * "turnoverUsd:percent" pairs, comma separated: each percent at most 100 and no threshold twice (two
     * percents for one turnover would make the partner's level a matter of order).
     */
    private static boolean isLevels(String v) {
        if (v.isEmpty()) {
            return true;
        }
        if (!v.matches("\\d+(\\.\\d+)?:\\d+(\\.\\d+)?(\\s*,\\s*\\d+(\\.\\d+)?:\\d+(\\.\\d+)?)*")) {
            return false;
        }
        Set<BigDecimal> thresholds = new HashSet<>();
        for (String pair : v.split(",")) {
            String[] parts = pair.trim().split(":");
            if (!isPercent(parts[1]) || !thresholds.add(new BigDecimal(parts[0]).stripTrailingZeros())) {
                return false;
            }
        }
        return true;
    }

    private static boolean isZone(String v) {
        try {
            ZoneId.of(v);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
