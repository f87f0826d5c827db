package app.ratelink.system;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.multipart.MultipartException;

/**
 * The first look at every request (after the partner link, which keeps its own fallbacks): what no feature
 * should ever see is refused here with a 4xx in the surface's usual form (system.SurfaceErrors), and a
 * database outage is answered 503 with Retry-After instead of every request waiting for a connection.
 * <ul>
 * <li>text containing control characters (NUL and the other C0/C1 controls but tab, CR and LF), in any
 *     parameter name or value of the query string or a form: 400 naming the field. PostgreSQL refuses NUL
 *     in text, H2 stores it; neither is ever meant;</li>
 * <li>a multipart body without a boundary: 400 (parsing it logged a stack trace per request);</li>
 * <li>the database unreachable (known from a failure or the probe of {@link DatabaseStatus}): 503 at once,
 *     static files and health excepted;</li>
 * <li>a statement that the database refused for its data (SQLState class 22: too long, out of range,
 *     malformed): 400, one log line.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class RequestGuard {

    private static final Logger log = LoggerFactory.getLogger(RequestGuard.class);

    @Bean
    FilterRegistrationBean<Filter> requestGuardFilter(DatabaseStatus database, SurfaceErrors errors) {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new Filter(database, errors));
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        registration.setName("requestGuardFilter");
        return registration;
    }

    static final class Filter extends HttpFilter {

        private final transient DatabaseStatus database;
        private final transient SurfaceErrors errors;

        Filter(DatabaseStatus database, SurfaceErrors errors) {
            this.database = database;
            this.errors = errors;
        }

        @Override
        protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (database.down() && needsDatabase(path)) {
                errors.answer(request, response, path, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "safety.error.503", null);
                return;
            }
            String contentType = request.getContentType();
            if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")
                    && boundary(contentType).isEmpty()) {
                errors.answer(request, response, path, HttpServletResponse.SC_BAD_REQUEST, "safety.input.multipart", "body");
                return;
            }
            String field = controlCharacterField(request);
            if (field != null) {
                errors.answer(request, response, path, HttpServletResponse.SC_BAD_REQUEST, "safety.input.control", field);
                return;
            }
            try {
                chain.doFilter(request, response);
            } catch (IOException | ServletException | RuntimeException e) {
                if (database.failed(e)) {
                    errors.answer(request, response, path, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "safety.error.503", null);
                    return;
                }
                if (refusedData(e) || multipart(e)) {
                    log.warn("Refused {} {}: {}", request.getMethod(), path, rootMessage(e));
                    errors.answer(request, response, path, HttpServletResponse.SC_BAD_REQUEST, "safety.input.data", null);
                    return;
                }
                throw e;
            }
        }
    }

    /** The multipart boundary of a content type, unquoted; empty when there is none (or it is {@code boundary=}). */
    static String boundary(String contentType) {
        for (String part : contentType.split(";")) {
            String p = part.trim();
            if (p.regionMatches(true, 0, "boundary=", 0, 9)) {
                String value = p.substring(9).trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return value;
            }
        }
        return "";
    }

    /** Health must say DOWN itself, and the static files never need the database. */
    static boolean needsDatabase(String path) {
        return !(path.startsWith("/actuator/health") || path.startsWith("/css/") || path.startsWith("/js/")
                || path.startsWith("/webjars/") || path.equals("/favicon.ico") || path.startsWith("/ref/"));
    }

    /** The first parameter (by name) whose name or value holds a control character; null when none does. */
    static String controlCharacterField(HttpServletRequest request) {
        String query = request.getQueryString();
        boolean form = request.getContentType() != null
                && request.getContentType().toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
        if ((query == null || query.isEmpty()) && !form) {
            return null;
        }
        for (Map.Entry<String, String[]> e : request.getParameterMap().entrySet()) {
            String name = e.getKey();
            if (hasControl(name)) {
                return printable(name);
            }
            for (String value : e.getValue()) {
                if (hasControl(value)) {
                    return printable(name);
                }
            }
        }
        return null;
    }

    static boolean hasControl(String text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F)) {
                return true;
            }
        }
        return false;
    }

    private static String printable(String name) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < name.length() && b.length() < 40; i++) {
            char c = name.charAt(i);
            b.append(c < 0x20 || (c >= 0x7F && c <= 0x9F) ? '?' : c);
        }
        return b.toString();
    }

    /** The database refused a value (SQLState class 22, data exception): the input's fault, not ours. */
    static boolean refusedData(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                return true;
            }
        }
        return false;
    }

    private static boolean multipart(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // Tomcat's own parser (a form read by a filter) fails with its InvalidParameterException.
            if (t instanceof MultipartException || t instanceof org.apache.tomcat.util.http.InvalidParameterException) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage());
        return root.getClass().getSimpleName() + ": " + (message.length() > 200 ? message.substring(0, 200) : message);
    }
}
