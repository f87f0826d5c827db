package app.ratelink.referral;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import app.ratelink.order.OrderClients;
import app.ratelink.system.Setting;
import app.ratelink.system.Settings;

/**
 * The two first-party cookies of a partner visit. {@code rl_vid}: a random visitor id, the source of
 * {@code user_hash}. {@code rl_ref}: which partner and click sent the visitor, with the click time, signed
 * so that nobody can attribute orders to a partner (or a click) by writing the cookie themselves. Both
 * live for the configured cookie lifetime; a new partner click overwrites {@code rl_ref} (last click wins).
 */
@Component
class Attribution {

    static final String VISITOR_COOKIE = OrderClients.VISITOR_COOKIE;
    static final String REFERRAL_COOKIE = "rl_ref";

    private static final Pattern VISITOR_ID = Pattern.compile("[A-Za-z0-9_-]{16,64}");
    private static final Pattern REFERRAL = Pattern.compile("(\\d{1,18})\\.(\\d{1,18})\\.(\\d{1,12})\\.([0-9a-f]{20})");
    /** One per thread: a shared SecureRandom is a lock that every click of every request thread takes. */
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(SecureRandom::new);

    /** What a valid {@code rl_ref} cookie says. */
    record Referred(long partnerId, long clickId, Instant clickedAt) {
    }

    /** Cookie dates as browsers and Spring's ResponseCookie write them. */
    private static final DateTimeFormatter COOKIE_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    /** The attributes after {@code name=value}, the same for every cookie set within one second. */
    private record Attributes(long second, long maxAge, boolean secure, String text) {
    }

    private final ClickSecret secret;
    private final Settings settings;
    private final Clock clock;
    private volatile Attributes attributes = new Attributes(-1, -1, false, "");

    Attribution(ClickSecret secret, Settings settings, Clock clock) {
        this.secret = secret;
        this.settings = settings;
        this.clock = clock;
    }

    /** The visitor id the browser sent, if it looks like one of ours. */
    Optional<String> visitorId(HttpServletRequest request) {
        return cookie(request, VISITOR_COOKIE).filter(v -> VISITOR_ID.matcher(v).matches());
    }

    static String newVisitorId() {
        byte[] bytes = new byte[16];
        RANDOM.get().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    void setVisitor(HttpServletRequest request, HttpServletResponse response, String visitorId) {
        set(request, response, VISITOR_COOKIE, visitorId);
    }

    void setReferral(HttpServletRequest request, HttpServletResponse response, long partnerId, long clickId,
                     Instant clickedAt) {
        String body = partnerId + "." + clickId + "." + clickedAt.getEpochSecond();
        set(request, response, REFERRAL_COOKIE, body + "." + secret.sign(body));
    }

    /** The partner click this visitor came through, when signed by us and younger than the cookie lifetime. */
    Optional<Referred> referred(HttpServletRequest request, Instant now) {
        Optional<String> value = cookie(request, REFERRAL_COOKIE);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        var m = REFERRAL.matcher(value.get());
        if (!m.matches()) {
            return Optional.empty();
        }
        String body = m.group(1) + "." + m.group(2) + "." + m.group(3);
        if (!MessageDigest.isEqual(secret.sign(body).getBytes(StandardCharsets.US_ASCII),
                m.group(4).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        Instant at = Instant.ofEpochSecond(Long.parseLong(m.group(3)));
        if (at.plus(lifetime()).isBefore(now)) {
            return Optional.empty();
        }
        return Optional.of(new Referred(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), at));
    }

    private Duration lifetime() {
        return Duration.ofDays(settings.integer(Setting.COOKIE_LIFETIME_DAYS));
    }

    /**
     * Written by hand rather than with ResponseCookie: this runs on every partner click, and formatting the
     * expiry date was a visible share of a click's cost in bench/clicks.sh profiles. Same text as
     * ResponseCookie, with the date taken from the injected clock.
     */
    private void set(HttpServletRequest request, HttpServletResponse response, String name, String value) {
        // Secure whenever the site is served over https, also behind a proxy that ends TLS (request.isSecure()
        // is then false): the visitor id must never travel in clear text to an https site.
        response.addHeader(HttpHeaders.SET_COOKIE, name + "=" + value
                + attributes(request.isSecure() || settings.httpsSite()));
    }

    private String attributes(boolean secure) {
        long second = clock.instant().getEpochSecond();
        long maxAge = lifetime().toSeconds();
        Attributes a = attributes;
        if (a.second() != second || a.maxAge() != maxAge || a.secure() != secure) {
            a = new Attributes(second, maxAge, secure, "; Path=/; Max-Age=" + maxAge + "; Expires="
                    + COOKIE_DATE.format(Instant.ofEpochSecond(second + maxAge)) + (secure ? "; Secure" : "")
                    + "; HttpOnly; SameSite=Lax");
            attributes = a;
        }
        return a.text();
    }

    private static Optional<String> cookie(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie c : cookies) {
            if (name.equals(c.getName()) && c.getValue() != null && !c.getValue().isBlank()) {
                return Optional.of(c.getValue().trim());
            }
        }
        return Optional.empty();
    }
}
