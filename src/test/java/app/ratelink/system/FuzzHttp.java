package app.ratelink.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import app.ratelink.partner.PartnerFixtures;
import app.ratelink.testing.TestHttp;

/**
 * A fixed-seed fuzzer over every public surface: the site's pages and forms, the partner cabinet, the admin
 * pages, the partner API, the operator API and the feeds. Each request takes a surface's real shape (its
 * paths, parameter names, JSON fields, CSRF token) and puts hostile values in some places: control
 * characters, huge and negative numbers, extreme dates, overlong text, broken encodings, wrong types, a
 * multipart body without a boundary. It fails on any 5xx, a hang, a stack trace in a body, and any log event
 * that carries a stack trace.
 */
final class FuzzHttp {

    private static final String[] NASTY = {"", " ", "\u0000", "a\u0000b", "x\u0001y", "\u007f", "\u0085", "\u001b[31m",
            "-1", "0", "1", "2147483647", "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808",
            "-9223372036854775808", "99999999999999999999", "1e-30", "1e400", "-0", "NaN", "Infinity", "0x1F", "1,5",
            "1.5", "abc", "true", "null", "../../etc/passwd", "<script>alert(1)</script>", "'\"--", "%", "%00", "%zz",
            "\uD800", "\uFFFF", "😀", "ё", "9999-12-31", "0000-01-01", "+999999999-12-31", "-999999999-01-01",
            "2026-13-45", "2026-02-30", "1970-01-01T00:00:00Z", "x".repeat(300), "y".repeat(5000),
            "=cmd|' /C calc'!A0", "a@b", "@", "a@b.c", "\r\nSet-Cookie: x=1", "MSK", "PMUSD", "BTC"};

    private static final Pattern STACK = Pattern.compile("\\bat [a-z][\\w$.]+\\([\\w$]+\\.java:\\d+\\)|\\w+Exception:|"
            + "\\bException\\b.*\\n\\s+at ");

    private final String base;
    private final Random random;
    private final Map<String, TestHttp> clients = new LinkedHashMap<>();
    private final HttpClient raw = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    final List<String> failures = new ArrayList<>();
    int requests;

    FuzzHttp(String base, long seed) {
        this.base = base;
        this.random = new Random(seed);
    }

    void client(String name, TestHttp client) {
        clients.put(name, client);
    }

    private String nasty() {
        return NASTY[random.nextInt(NASTY.length)];
    }

    private String pick(String... values) {
        return values[random.nextInt(values.length)];
    }

    /** The good value most of the time, a hostile one otherwise. */
    private String value(String good) {
        return random.nextInt(10) < 6 ? good : nasty();
    }

    private String seg(String good) {
        String v = value(good);
        return v.isEmpty() ? good : URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private String query(Map<String, String> params) {
        return params.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(value(e.getValue())))
                .collect(Collectors.joining("&"));
    }

    private static Map<String, String> params(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    /** Runs {@code count} requests drawn from the surfaces. */
    void run(int count, Map<String, String> ids) {
        List<Supplier<Void>> surfaces = surfaces(ids);
        for (int i = 0; i < count; i++) {
            int drawn = random.nextInt(surfaces.size());
            // Forms that hash a password (bcrypt, on purpose slow) are drawn a quarter as often.
            if (EXPENSIVE.contains(drawn) && random.nextInt(4) != 0) {
                drawn = random.nextInt(surfaces.size());
            }
            surfaces.get(drawn).get();
        }
    }

    /** Indexes in {@link #surfaces}: login, register, password reset, the cabinet's password checks. */
    private static final java.util.Set<Integer> EXPENSIVE = java.util.Set.of(7, 8, 11, 21, 22);

    private List<Supplier<Void>> surfaces(Map<String, String> ids) {
        String code = ids.get("partnerCode");
        String order = ids.get("order");
        String key = ids.get("apiKey");
        List<Supplier<Void>> s = new ArrayList<>();
        // Public site
        s.add(() -> get("anon", "/?" + query(params("give", "PMUSD", "get", "BTC", "notice", "unknown-currency",
                "city", "MSK", "amount", "100", "cur_from", "PMUSD", "cur_to", "BTC"))));
        s.add(() -> get("anon", "/exchange/" + seg("PMUSD") + "/" + seg("BTC") + "?" + query(params("amount", "150",
                "city", "MSK"))));
        s.add(() -> post("anon", "/exchange/" + seg("PMUSD") + "/" + seg("BTC"), params("amount", "100",
                "account", "bc1qfuzzwallet", "email", "client@example.test", "city", "")));
        s.add(() -> get("anon", "/order/" + seg(order)));
        s.add(() -> post("anon", "/order/" + seg(order) + "/paid", params()));
        s.add(() -> get("anon", "/ref/" + seg(code) + "/?" + query(params("cur_from", "PMUSD", "cur_to", "BTC",
                "amount", "100", "city", "MSK", "sub1", "s"))));
        s.add(() -> get("anon", pick("/partners", "/partners/api", "/error", "/login", "/register", "/password/forgot",
                "/register/sent", "/admin/login", "/no/such/page", "/css/site.css", "/js/home.js", "/actuator/health")
                + "?" + query(params("error", "", "x", "1"))));
        s.add(() -> post("anon", "/login", params("email", "someone@example.test", "password", "wrong password")));
        s.add(() -> post("anon", "/register", params("email", "fuzz" + random.nextInt(1_000_000) + "@example.test",
                "password", "correct horse battery", "passwordAgain", "correct horse battery")));
        s.add(() -> post("anon", "/password/forgot", params("email", "someone@example.test")));
        s.add(() -> get("anon", "/password/reset?" + query(params("token", "abc"))));
        s.add(() -> post("anon", "/password/reset", params("token", "abc", "password", "correct horse battery",
                "passwordAgain", "correct horse battery")));
        s.add(() -> get("anon", "/register/confirm?" + query(params("token", "abc"))));
        s.add(() -> get("anon", "/register/email?" + query(params("token", "abc"))));
        // Partner cabinet
        s.add(() -> get("cabinet", "/account/clicks?" + query(params("from", "2026-01-01", "to", "2026-12-31",
                "browser", "Chrome", "referrer", "x", "userHash", "ab12", "beforeId", "10", "beforeTime", "1700000000000"))));
        s.add(() -> get("cabinet", "/account/clicks.csv?" + query(params("from", "2026-01-01", "to", "2026-12-31",
                "beforeTime", "1700000000000", "beforeId", "5"))));
        s.add(() -> get("cabinet", pick("/account/exchanges", "/account/exchanges.csv") + "?" + query(params(
                "from", "2026-01-01", "to", "2026-12-31", "page", "0", "sub1", "x"))));
        s.add(() -> get("cabinet", "/account/partner/stats?" + query(params("days", "30", "from", "2026-01-01"))));
        s.add(() -> get("cabinet", pick("/account/partner", "/account/api", "/account/payouts", "/account/profile",
                "/account/api/docs", "/account") + "?" + query(params("page", "0"))));
        s.add(() -> post("cabinet", "/account/payouts", params("method", "1", "account", "U1234567")));
        s.add(() -> post("cabinet", "/account/payouts/" + seg("1") + "/cancel", params()));
        s.add(() -> post("cabinet", "/account/profile/password", params("currentPassword", "wrong password",
                "newPassword", "another horse battery", "newPasswordAgain", "another horse battery")));
        s.add(() -> post("cabinet", "/account/profile/email", params("currentPassword", "wrong password",
                "newEmail", "new@example.test")));
        s.add(() -> post("cabinet", "/account/api/" + seg("1") + "/revoke", params()));
        // Admin pages (reads, and changes that the fuzz may make without closing the site)
        s.add(() -> get("admin", "/admin/orders?" + query(params("status", "new", "page", "0", "q", "x",
                "from", "2026-01-01", "to", "2026-12-31"))));
        s.add(() -> get("admin", "/admin/partners?" + query(params("q", "p", "page", "0"))));
        s.add(() -> get("admin", "/admin/clicks?" + query(params("partner", "1", "flag", "bot", "from", "2026-01-01",
                "to", "2026-12-31", "ip", "1.2.3.4", "browser", "Chrome", "referrer", "x", "beforeId", "10",
                "beforeTime", "1700000000000"))));
        s.add(() -> get("admin", "/admin/payouts?" + query(params("status", "0"))));
        s.add(() -> get("admin", pick("/admin/orders/", "/admin/partners/", "/admin/currencies/", "/admin/directions/PMUSD/")
                + seg(pick("1", "PMUSD", "BTC")) + "?" + query(params("x", "1"))));
        s.add(() -> get("admin", pick("/admin", "/admin/settings", "/admin/rewards", "/admin/feeds", "/admin/outbox",
                "/admin/currencies", "/admin/directions", "/admin/currencies/new", "/admin/directions/new")
                + "?" + query(params("code", "bestchange", "page", "0"))));
        s.add(() -> post("admin", "/admin/settings", params(pick("timeZone", "cookieLifetimeDays", "rewardLevels",
                "minPayout", "apiRateLimitPerMinute", "manualHours", "operatorEmails", "rewardPercent"), "UTC")));
        s.add(() -> post("admin", "/admin/orders/" + seg("1") + "/status", params("status", "paid", "comment", "c")));
        s.add(() -> post("admin", "/admin/partners/" + seg("1"), params("rewardPercent", "5", "notes", "n")));
        s.add(() -> post("admin", "/admin/currencies/" + seg("FZUSD"), params("code", "FZUSD", "name", "Fuzz dollar",
                "unit", "USD", "scale", "2", "reserve", "1000", "usdRate", "1", "active", "true",
                "payoutFeePercent", "0", "paymentInstructions", "Pay", "accountPattern", "", "aliases", "")));
        s.add(() -> post("admin", "/admin/payouts/" + seg("1") + "/" + pick("pay", "reject"), params("comment", "c")));
        s.add(() -> post("admin", "/admin/feeds", params("code", "fuzzfeed", "name", "Fuzz", "enabled", "true",
                "xmlFlavour", "classic", "directions", "PMUSD-BTC", "aliases", "")));
        // Partner API
        s.add(() -> get("anon", "/service/partner/api.php?" + query(params("api_action", "pp", "api_key", key,
                "method", pick("get_info", "get_links", "get_exchanges", "get_payouts", "add_payout"),
                "start_time", "1600000000", "end_time", "1900000000", "limit", "10", "method_id", "1",
                "account", "U1234567"))));
        s.add(() -> postRaw("/service/partner/api.php", "application/x-www-form-urlencoded", query(params(
                "api_action", "pp", "api_key", key, "method", "get_links", "start_time", "1600000000"))));
        s.add(() -> postRaw(pick("/service/partner/api.php", "/api/operator/v1/rates", "/login", "/exchange/PMUSD/BTC"),
                pick("multipart/form-data", "multipart/form-data; boundary=", "multipart/form-data; boundary=xyz",
                        "multipart/mixed", "text/plain", "application/json", "application/x-www-form-urlencoded; charset=x"),
                "--xyz\r\nContent-Disposition: form-data; name=\"api_action\"\r\n\r\npp\r\n--xyz--\r\n"));
        // Operator API
        s.add(() -> json("PUT", "/api/operator/v1/currencies/" + seg("FZUSD"), """
                {"name":%s,"unit":%s,"scale":%s,"reserve":%s,"usdRate":%s,"active":%s,"payoutAllowed":%s,
                 "payoutFeePercent":%s,"paymentInstructions":%s,"accountPattern":%s}""".formatted(jsonValue("\"Fuzz\""),
                jsonValue("\"USD\""), jsonValue("2"), jsonValue("1000"), jsonValue("1"), jsonValue("true"), jsonValue("false"),
                jsonValue("0"), jsonValue("\"Pay\""), jsonValue("\"\""))));
        s.add(() -> json("PUT", "/api/operator/v1/directions/" + seg("FZUSD") + "/" + seg("BTC"), """
                {"in":%s,"out":%s,"minAmount":%s,"maxAmount":%s,"profitPercent":%s,"flags":%s,"cities":%s,"active":%s}"""
                .formatted(jsonValue("60000"), jsonValue("1"), jsonValue("10"), jsonValue("1000"), jsonValue("2"),
                        jsonValue("[\"manual\"]"), jsonValue("[]"), jsonValue("false"))));
        s.add(() -> json("POST", "/api/operator/v1/rates", "[{\"from\":%s,\"to\":%s,\"in\":%s,\"out\":%s,\"reserve\":%s}]"
                .formatted(jsonValue("\"FZUSD\""), jsonValue("\"BTC\""), jsonValue("60000"), jsonValue("1"), jsonValue("5"))));
        s.add(() -> get("operator", "/api/operator/v1/" + pick("orders", "payouts", "currencies", "directions", "settings",
                "feeds") + "?" + query(params("status", "new", "from", "2026-01-01T00:00:00Z", "to", "1900000000",
                "limit", "10", "partnerId", "1", "beforeId", "10"))));
        s.add(() -> get("operator", "/api/operator/v1/" + pick("orders/", "currencies/", "feeds/", "directions/PMUSD/")
                + seg(pick("1", "PMUSD", "BTC", order))));
        s.add(() -> json("POST", "/api/operator/v1/orders/" + seg(order) + "/status",
                "{\"status\":%s,\"comment\":%s}".formatted(jsonValue("\"paid\""), jsonValue("\"c\""))));
        s.add(() -> json("POST", "/api/operator/v1/payouts/" + seg("1") + "/" + pick("pay", "reject"),
                "{\"comment\":%s}".formatted(jsonValue("\"c\""))));
        s.add(() -> json("PUT", "/api/operator/v1/settings", "{%s:%s}".formatted(jsonValue("\"timeZone\""),
                jsonValue("\"UTC\""))));
        s.add(() -> json("POST", "/api/operator/v1/partners", "{\"email\":%s,\"password\":%s}".formatted(
                jsonValue("\"fz" + random.nextInt(1_000_000) + "@example.test\""), jsonValue("\"correct horse battery\""))));
        s.add(() -> json("PUT", "/api/operator/v1/feeds/" + seg("fuzzfeed"), "{\"name\":%s,\"enabled\":%s,\"xmlFlavour\":%s}"
                .formatted(jsonValue("\"Fuzz\""), jsonValue("true"), jsonValue("\"classic\""))));
        // Feeds
        s.add(() -> get("anon", "/service/export/" + seg(pick("xml", "json", "txt")) + "/" + seg(pick("fuzzfeed", "bestchange"))));
        return s;
    }

    /** The good JSON value, or a hostile one: a string, a number token, or another type. */
    private String jsonValue(String good) {
        if (random.nextInt(10) < 6) {
            return good;
        }
        return switch (random.nextInt(4)) {
            case 0 -> SurfaceErrors.json(nasty());
            case 1 -> pick("99999999999999999999999", "1e-30", "1e400", "-1", "0", "2147483648", "-9223372036854775809",
                    "0.0000000000000000000000000001", "1E+20");
            case 2 -> pick("null", "[]", "{}", "true", "\"\"", "[null]", "{\"a\":1}");
            default -> "\"" + "\\u0000" + "\"";
        };
    }

    private Void get(String client, String path) {
        return check("GET " + path, () -> clients.get(client).get(path));
    }

    private Void post(String client, String path, Map<String, String> fields) {
        Map<String, String> body = new LinkedHashMap<>();
        fields.forEach((k, v) -> body.put(k, value(v)));
        return check("POST " + path + " " + body.keySet(), () -> clients.get(client).postForm(path, body));
    }

    private Void json(String method, String path, String body) {
        return check(method + " " + path + " " + body, () -> clients.get("operator").json(method, path, body));
    }

    private Void postRaw(String path, String contentType, String body) {
        return check("POST " + path + " " + contentType, () -> {
            try {
                return raw.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                        .header("Content-Type", contentType)
                        .header("Authorization", "Bearer " + app.ratelink.testing.IntegrationTest.OPERATOR_TOKEN)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    private Void check(String what, Supplier<HttpResponse<String>> send) {
        requests++;
        HttpResponse<String> r;
        try {
            r = send.get();
        } catch (RuntimeException e) {
            failures.add(abbreviate(what) + " -> no answer: " + e);
            return null;
        }
        // 501 "Method not supported" is the partner API's contract for an unknown api_action or method (SPEC §6).
        boolean contract501 = r.statusCode() == 501 && r.body() != null && r.body().contains("\"Method not supported\"");
        if (r.statusCode() >= 500 && !contract501) {
            failures.add(abbreviate(what) + " -> " + r.statusCode() + " " + abbreviate(r.body()));
        }
        Matcher m = STACK.matcher(r.body() == null ? "" : r.body());
        if (m.find()) {
            failures.add(abbreviate(what) + " -> stack trace in the body: " + abbreviate(r.body().substring(Math.max(0, m.start() - 100))));
        }
        return null;
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    /** Captures log events while the fuzz runs. */
    static final class Log implements AutoCloseable {
        private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
        private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

        Log() {
            appender.start();
            root.addAppender(appender);
        }

        /** Events with a stack trace, or of level ERROR. */
        List<String> stackTraces() {
            List<String> found = new ArrayList<>();
            for (ILoggingEvent e : new ConcurrentLinkedQueue<>(appender.list)) {
                if (e.getThrowableProxy() != null || e.getLevel().isGreaterOrEqual(Level.ERROR)) {
                    found.add(e.getLevel() + " " + e.getLoggerName() + ": " + e.getFormattedMessage()
                            + (e.getThrowableProxy() == null ? "" : " / " + e.getThrowableProxy().getClassName()
                            + ": " + e.getThrowableProxy().getMessage()));
                }
            }
            return found;
        }

        int events() {
            return appender.list.size();
        }

        @Override
        public void close() {
            root.detachAppender(appender);
            appender.stop();
        }
    }

    static void assertClean(FuzzHttp fuzz, Log log) {
        assertThat(fuzz.failures).as("failures of %d requests", fuzz.requests).isEmpty();
        assertThat(log.stackTraces()).as("log events with a stack trace or ERROR").isEmpty();
        assertThat(log.events()).as("log lines for %d requests", fuzz.requests).isLessThanOrEqualTo(fuzz.requests);
    }

    static String password() {
        return PartnerFixtures.PASSWORD;
    }
}
