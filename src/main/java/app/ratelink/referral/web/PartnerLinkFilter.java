package app.ratelink.referral.web;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import app.ratelink.partner.PartnerAccount;
import app.ratelink.partner.Partners;
import app.ratelink.referral.LinkVisits;

/**
 * The partner link {@code /ref/{code}/} (and without the slash), answered ahead of the security and MVC
 * chains. It is the hottest URL of the site (every client from every monitoring) and needs none of
 * them: public, GET/HEAD only, no form, no page. The one thing it needs from security, whether the
 * visitor is the partner itself, is read from the session the partner cabinet's login stored.
 */
class PartnerLinkFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(PartnerLinkFilter.class);

    private final LinkVisits visits;

    PartnerLinkFilter(LinkVisits visits) {
        this.visits = visits;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String code = code(request);
        if (code == null || !("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))) {
            chain.doFilter(request, response);
            return;
        }
        LinkVisits.Visit visit = visits.follow(code, loggedInPartner(request), request, response);
        CompletableFuture<Long> attribution = visit.attribution();
        if (attribution.isDone()) {
            redirect(request, response, visits.land(visit, attribution.join(), request, response));
            return;
        }
        // Waiting for the commit without holding the request thread: the writer answers when its batch is
        // committed (a parked thread per click and its unpark were a fifth of a click's CPU, ADR 0003).
        AsyncContext async = request.startAsync(request, response);
        async.setTimeout(LinkVisits.waitMillis());
        AtomicBoolean answered = new AtomicBoolean();
        async.addListener(new AsyncListener() {
            @Override
            public void onTimeout(AsyncEvent event) {
                // Not committed in time: the client still lands, without an attribution to that click.
                if (answered.compareAndSet(false, true)) {
                    redirect(request, response, visit.target());
                    async.complete();
                }
            }

            @Override
            public void onComplete(AsyncEvent event) {
            }

            @Override
            public void onError(AsyncEvent event) {
                answered.set(true);
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
            }
        });
        attribution.whenComplete((clickId, failure) -> {
            if (answered.compareAndSet(false, true)) {
                String target = visit.target();
                try {
                    target = visits.land(visit, clickId, request, response);
                } catch (RuntimeException e) {
                    // Runs on the click writer's thread: whatever failed, the visitor still lands.
                    log.warn("Attribution cookie not set: {}", e.toString());
                } finally {
                    redirect(request, response, target);
                    async.complete();
                }
            }
        });
    }

    private static void redirect(HttpServletRequest request, HttpServletResponse response, String target) {
        response.setStatus(HttpServletResponse.SC_FOUND);
        response.setHeader("Location", request.getContextPath() + target);
        // A cached redirect would skip the next click of the same browser.
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(0);
    }

    /** The code of {@code /ref/{code}} or {@code /ref/{code}/}; null for any other path. */
    static String code(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/ref/")) {
            return null;
        }
        String rest = path.substring(5);
        if (rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        return rest.isEmpty() || rest.indexOf('/') >= 0 || rest.indexOf(';') >= 0 ? null : rest;
    }

    private static Optional<Long> loggedInPartner(HttpServletRequest request) {
        Optional<Long> current = Partners.currentPartnerId();
        if (current.isPresent()) {
            return current;
        }
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        Object stored = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        if (stored instanceof SecurityContext context) {
            Authentication auth = context.getAuthentication();
            if (auth != null && auth.isAuthenticated() && auth.getPrincipal() instanceof PartnerAccount account) {
                return Optional.of(account.partnerId());
            }
        }
        return Optional.empty();
    }
}
