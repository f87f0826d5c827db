package app.ratelink.order;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import app.ratelink.system.ClientAddress;
import app.ratelink.system.Setting;
import app.ratelink.system.Settings;

/**
 * Reads who is placing an order from the request: real IP (trusted proxies honoured), user agent, the
 * first-party visitor id cookie, and — when the referral feature is present — the partner referral.
 */
@Component
public class OrderClients {

    /** The visitor-id cookie; set by the referral feature, read here so orders join to clicks. */
    public static final String VISITOR_COOKIE = "rl_vid";

    private final Settings settings;
    private final ObjectProvider<OrderReferrals> referrals;

    OrderClients(Settings settings, ObjectProvider<OrderReferrals> referrals) {
        this.settings = settings;
        this.referrals = referrals;
    }

    public OrderClient of(HttpServletRequest request) {
        String ip = ClientAddress.of(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"),
                settings.get(Setting.TRUSTED_PROXIES));
        OrderReferrals source = referrals.getIfAvailable();
        Referral referral = source == null ? null : source.referralFor(request).orElse(null);
        // The locale the site resolved for this request (Accept-Language, or the site's own language choice).
        return new OrderClient(ip, request.getHeader("User-Agent"), visitorId(request), referral,
                OrderLanguages.of(LocaleContextHolder.getLocale()));
    }

    private static String visitorId(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie c : cookies) {
            if (VISITOR_COOKIE.equals(c.getName()) && c.getValue() != null && !c.getValue().isBlank()) {
                return c.getValue().trim();
            }
        }
        return null;
    }
}
