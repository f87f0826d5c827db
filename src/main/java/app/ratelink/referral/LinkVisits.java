package app.ratelink.referral;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import app.ratelink.catalog.Landing;
import app.ratelink.order.SubIds;
import app.ratelink.partner.Partner;
import app.ratelink.partner.Partners;
import app.ratelink.system.ClientAddress;
import app.ratelink.system.DatabaseStatus;
import app.ratelink.system.Setting;
import app.ratelink.system.Settings;

/**
 * A visit through a partner link ({@code /ref/{code}/}): records the click (flagged when it is not
 * billable), sets the visitor and attribution cookies, and tells where to send the visitor. The redirect is
 * only answered once the click is committed ({@link Visit#attribution()}), so only for a stored click.
 */
@Service
public class LinkVisits {

    private static final Logger log = LoggerFactory.getLogger(LinkVisits.class);

    private final Partners partners;
    private final Landing landing;
    private final Browsers browsers;
    private final Attribution attribution;
    private final ClickSecret secret;
    private final ClickWriter writer;
    private final Settings settings;
    private final Clock clock;
    private final ShortCache<String, Optional<Partner>> partnerByCode;
    private final ShortCache<Landing.Request, String> targets;
    private final MeterRegistry meters;
    private final Map<String, Counter> outcomes = new ConcurrentHashMap<>();
    private final DatabaseStatus database;
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9]{2,10}");

    LinkVisits(Partners partners, Landing landing, Browsers browsers, Attribution attribution, ClickSecret secret,
               ClickWriter writer, Settings settings, Clock clock, MeterRegistry meters, DatabaseStatus database) {
        this.database = database;
        this.partners = partners;
        this.landing = landing;
        this.browsers = browsers;
        this.attribution = attribution;
        this.secret = secret;
        this.writer = writer;
        this.settings = settings;
        this.clock = clock;
        this.meters = meters;
        this.partnerByCode = new ShortCache<>(clock, Duration.ofSeconds(1));
        this.targets = new ShortCache<>(clock, Duration.ofSeconds(1));
    }

    /**
     * A visit on its way: where it lands, and the click it is attributed to, known once the click is
     * committed ({@code null}: none, e.g. a bot, an unknown code or a click that could not be stored).
     * The redirect must wait for {@code attribution}: that is what makes the click durable before it.
     */
    public record Visit(String target, long partnerId, Instant at, CompletableFuture<Long> attribution) {

        static Visit direct(String target) {
            return new Visit(target, 0, null, CompletableFuture.completedFuture(null));
        }
    }

    /**
     * Handles the visit (the visitor cookie set at once) and tells where it lands. {@code loggedInPartner}:
     * the partner logged in on this browser, whose visits to its own link are not counted. Answer with
     * {@link #land} once {@link Visit#attribution()} is complete.
     */
    public Visit follow(String code, Optional<Long> loggedInPartner, HttpServletRequest request,
                        HttpServletResponse response) {
        try {
            return visit(code, loggedInPartner, request, response);
        } catch (RuntimeException e) {
            if (!database.failed(e)) {
                throw e;
            }
            // The database is away: nothing can be looked up or stored, but the client still lands.
            count("not_stored");
            return Visit.direct(fallbackTarget(request));
        }
    }

    /**
     * Sets the attribution cookie of the committed click {@code clickId} (none when null) and returns the
     * path (with query) to redirect to.
     */
    public String land(Visit visit, Long clickId, HttpServletRequest request, HttpServletResponse response) {
        if (clickId != null) {
            attribution.setReferral(request, response, visit.partnerId(), clickId, visit.at());
        }
        return visit.target();
    }

    /** How long a visit may wait for its click's commit ({@link Visit#attribution()}). */
    public static long waitMillis() {
        return ClickWriter.waitMillis();
    }

    /**
     * Where a client goes when the catalogue cannot be read: the direction page its monitoring named (it
     * answers once the database is back), else home.
     */
    static String fallbackTarget(HttpServletRequest request) {
        Landing.Request choice = Landing.Request.of(request.getParameterMap());
        if (choice.curFrom() != null && choice.curTo() != null && CODE.matcher(choice.curFrom()).matches()
                && CODE.matcher(choice.curTo()).matches()) {
            return "/exchange/" + choice.curFrom().toUpperCase(Locale.ROOT) + "/" + choice.curTo().toUpperCase(Locale.ROOT);
        }
        return "/";
    }

    private Visit visit(String code, Optional<Long> loggedInPartner, HttpServletRequest request,
                        HttpServletResponse response) {
        Optional<Partner> partner = code.length() > 16 ? Optional.empty() : partnerByCode.get(code, partners::byCode);
        String target = targets.get(Landing.Request.of(request.getParameterMap()), landing::target);
        if (partner.isEmpty()) {
            // Unknown code (mistyped, deleted): nothing to record, but the visitor lands where any other
            // landing URL with the same cur_from/cur_to would send it (SPEC §2).
            count("unknown_code");
            return Visit.direct(target);
        }
        if (partner.get().banned()) {
            count("banned");
            return Visit.direct(target);
        }
        String visitorId = attribution.visitorId(request).orElse(null);
        if (visitorId == null) {
            visitorId = Attribution.newVisitorId();
            attribution.setVisitor(request, response, visitorId);
        }
        String userAgent = request.getHeader("User-Agent");
        Browsers.Browser browser = browsers.of(userAgent);
        String notCounted = notCounted(request, browser, partner.get().id(), loggedInPartner);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        NewClick click = new NewClick(partner.get().id(), now, now.atZone(settings.zone()).toLocalDate(), notCounted,
                browser.name(), NewClick.crop(userAgent, NewClick.USER_AGENT),
                NewClick.crop(ClientAddress.of(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"),
                        settings.get(Setting.TRUSTED_PROXIES)), NewClick.IP),
                NewClick.crop(request.getHeader("Referer"), NewClick.REFERRER),
                NewClick.crop(request.getQueryString(), NewClick.QUERY_STRING),
                secret.userHash(visitorId), NewClick.crop(target, NewClick.TARGET),
                request.getQueryString() == null ? SubIds.NONE : SubIds.fromParameters(request.getParameterMap()));
        long partnerId = partner.get().id();
        CompletableFuture<Long> attributed = writer.submit(click).handle((id, e) -> {
            if (e != null) {
                // The client still lands (a lost client costs more than a lost click), but without an
                // attribution to a click that does not exist.
                Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                if (!database.failed(cause)) {
                    log.warn("Click of partner {} not stored: {}", partnerId, cause.toString());
                }
                count("not_stored");
                return null;
            }
            count(click.counted() ? "counted" : notCounted);
            return click.counted() ? id : null;
        });
        return new Visit(target, partnerId, now, attributed);
    }

    /** {@code ratelink.clicks{outcome}}: the partner link is served ahead of the HTTP metrics. */
    private void count(String outcome) {
        outcomes.computeIfAbsent(outcome, o -> Counter.builder("ratelink.clicks").tag("outcome", o)
                .description("Visits through partner links by outcome").register(meters)).increment();
    }

    private static String notCounted(HttpServletRequest request, Browsers.Browser browser, long partnerId,
                                     Optional<Long> loggedInPartner) {
        if ("HEAD".equals(request.getMethod())) {
            return NotCounted.HEAD;
        }
        if (isPrefetch(request.getHeader("Sec-Purpose")) || isPrefetch(request.getHeader("Purpose"))
                || isPrefetch(request.getHeader("X-Purpose")) || isPrefetch(request.getHeader("X-Moz"))) {
            return NotCounted.PREFETCH;
        }
        if (browser.bot()) {
            return NotCounted.BOT;
        }
        if (loggedInPartner.filter(id -> id == partnerId).isPresent()) {
            return NotCounted.OWN;
        }
        return null;
    }

    private static boolean isPrefetch(String header) {
        if (header == null) {
            return false;
        }
        String h = header.toLowerCase(Locale.ROOT);
        return h.contains("prefetch") || h.contains("prerender") || h.contains("preview");
    }
}
