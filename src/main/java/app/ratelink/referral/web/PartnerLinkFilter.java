package app.ratelink.referral.web;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

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
        String target = visits.follow(code, loggedInPartner(request), request, response);
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
