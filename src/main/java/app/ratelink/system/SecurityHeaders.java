package app.ratelink.system;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The headers every response a browser may render carries, pages, errors, API answers and static files
 * alike (the feeds set theirs in the feed valve, the partner link answers only redirects):
 * <ul>
 * <li>a Content-Security-Policy that allows scripts from this site only (no inline script, no handler
 *     attributes: page scripts live in {@code static/js}), no plug-ins, no framing ({@code frame-ancestors});
 *     inline styles stay allowed (a few {@code style=} attributes, htmx's indicator style);</li>
 * <li>{@code X-Content-Type-Options: nosniff}, {@code X-Frame-Options: DENY} for older browsers,
 *     {@code Referrer-Policy: strict-origin-when-cross-origin};</li>
 * <li>HSTS when the base URL is https, or a trusted proxy says the request came over https
 *     ({@code X-Forwarded-Proto}), or the connection itself is TLS.</li>
 * </ul>
 * Set before the rest of the chain runs (and again on the error dispatch), so a handler that needs another
 * value (none does today) can still replace one.
 * <p>
 * Redirects: a relative {@code Location}, or an absolute one that the container or Spring Security built
 * from the request's own {@code Host} (login entry point, saved request), is made absolute from the site's
 * base URL; a forged Host header never reaches a Location.
 */
@Configuration(proxyBeanMethods = false)
class SecurityHeaders {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";
    static final String HSTS = "max-age=31536000; includeSubDomains";
    static final String REFERRER_POLICY = "strict-origin-when-cross-origin";

    @Bean
    FilterRegistrationBean<Filter> securityHeadersFilter(Settings settings) {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new Filter(settings));
        registration.addUrlPatterns("/*");
        // Right after the partner link (whose 302s need none of this), ahead of security and MVC.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.setName("securityHeadersFilter");
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        return registration;
    }

    static final class Filter extends HttpFilter {

        private final transient Settings settings;

        Filter(Settings settings) {
            this.settings = settings;
        }

        @Override
        protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            response.setHeader("Content-Security-Policy", CSP);
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("X-Frame-Options", "DENY");
            response.setHeader("Referrer-Policy", REFERRER_POLICY);
            if (overHttps(request, settings)) {
                response.setHeader("Strict-Transport-Security", HSTS);
            }
            chain.doFilter(request, response instanceof BaseUrlRedirects ? response
                    : new BaseUrlRedirects(request, response, settings));
        }
    }

    /** Every Location this response sends is built from the base URL, never from the request's Host. */
    static final class BaseUrlRedirects extends HttpServletResponseWrapper {

        private final HttpServletRequest request;
        private final Settings settings;

        BaseUrlRedirects(HttpServletRequest request, HttpServletResponse response, Settings settings) {
            super(response);
            this.request = request;
            this.settings = settings;
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            super.sendRedirect(absolute(location));
        }

        @Override
        public void sendRedirect(String location, int sc, boolean clearBuffer) throws IOException {
            super.sendRedirect(absolute(location), sc, clearBuffer);
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, "Location".equalsIgnoreCase(name) ? absolute(value) : value);
        }

        @Override
        public void addHeader(String name, String value) {
            super.addHeader(name, "Location".equalsIgnoreCase(name) ? absolute(value) : value);
        }

        String absolute(String location) {
            if (location == null || location.isEmpty()) {
                return location;
            }
            if (location.startsWith("/") && !location.startsWith("//") && !location.startsWith("/\\")) {
                return settings.baseUrl() + location;
            }
            URI uri;
            try {
                uri = new URI(location);
            } catch (URISyntaxException e) {
                return location;
            }
            if (!uri.isAbsolute() || uri.getHost() == null || !fromThisRequest(uri)) {
                return location;
            }
            return settings.baseUrl() + (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                    + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
        }

        /** Built from this request's Host (and port): what a container or Spring Security does for a path. */
        private boolean fromThisRequest(URI uri) {
            if (!uri.getHost().toLowerCase(Locale.ROOT).equals(String.valueOf(request.getServerName()).toLowerCase(Locale.ROOT))) {
                return false;
            }
            int port = uri.getPort();
            if (port < 0) {
                port = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
            }
            return port == request.getServerPort();
        }
    }

    /** Whether the browser reached us over https: the base URL says so, the connection is TLS, or a trusted proxy. */
    static boolean overHttps(HttpServletRequest request, Settings settings) {
        if (request.isSecure()) {
            return true;
        }
        try {
            if (settings.httpsSite()) {
                return true;
            }
            String proto = request.getHeader("X-Forwarded-Proto");
            return proto != null && proto.trim().equalsIgnoreCase("https")
                    && ClientAddress.fromTrustedProxy(request.getRemoteAddr(), settings.get(Setting.TRUSTED_PROXIES));
        } catch (RuntimeException e) {
            // Settings unreadable (no database yet): the request guard behind answers the outage.
            return false;
        }
    }
}
