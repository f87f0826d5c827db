package app.ratelink.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * A refused or failed request answered in the form its surface always uses: the operator API's JSON problem,
 * the partner API's envelope, the feeds' maintenance text, or a page of the site with the message. Written
 * without the database and without Spring MVC, so it works from a filter, the error page and a database
 * outage alike. Never a stack trace.
 */
@Component
public class SurfaceErrors {

    private final SpringTemplateEngine templates;
    private final MessageSource messages;

    SurfaceErrors(SpringTemplateEngine templates, MessageSource messages) {
        this.templates = templates;
        this.messages = messages;
    }

    /** Which surface a path belongs to. */
    public enum Surface {
        OPERATOR_API, PARTNER_API, FEED, MACHINE, PAGE;

        public static Surface of(String path) {
            if (path == null) {
                return PAGE;
            }
            if (path.startsWith("/api/")) {
                return OPERATOR_API;
            }
            if (path.startsWith("/service/partner/")) {
                return PARTNER_API;
            }
            if (path.startsWith("/service/export/")) {
                return FEED;
            }
            if (path.startsWith("/actuator")) {
                return MACHINE;
            }
            return PAGE;
        }
    }

    /** A refusal's body and its content type, for a writer that is not a servlet response's (Tomcat's valve). */
    public record Rendered(String contentType, String body) {
    }

    /**
     * Answers {@code status} with the message of {@code key} (a key of i18n/safety). {@code field}: the input
     * at fault, or null. Does nothing when the response is already committed.
     */
    public void answer(HttpServletRequest request, HttpServletResponse response, String path, int status, String key,
                       String field) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status);
        headers(response, status);
        Rendered rendered = render(request, path, status, key, field);
        response.setContentType(rendered.contentType());
        byte[] bytes = rendered.body().getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(bytes);
        }
    }

    /** The headers every refusal carries: never cached; a 503 says when to come back. */
    public static void headers(HttpServletResponse response, int status) {
        response.setHeader("Cache-Control", "no-store");
        if (status == HttpServletResponse.SC_SERVICE_UNAVAILABLE) {
            response.setHeader("Retry-After", Integer.toString(DatabaseStatus.RETRY_AFTER_SECONDS));
        }
    }

    /** The body of a refusal in the form of the surface {@code path} belongs to, in the request's language. */
    public Rendered render(HttpServletRequest request, String path, int status, String key, String field) {
        Locale locale = request.getLocale() == null ? Locale.ENGLISH : request.getLocale();
        String message = messages.getMessage(key, field == null ? new Object[0] : new Object[] {field}, locale);
        return switch (Surface.of(path)) {
            case OPERATOR_API, MACHINE -> {
                HttpStatus known = HttpStatus.resolve(status);
                yield new Rendered("application/problem+json", "{\"type\":\"about:blank\",\"title\":"
                        + json(known == null ? "Error" : known.getReasonPhrase())
                        + ",\"status\":" + status + ",\"detail\":" + json(message)
                        + (field == null ? "" : ",\"field\":" + json(field)) + "}");
            }
            case PARTNER_API -> {
                // The seed's texts: a refused option names the option, an outage is "Api disabled".
                String text = status == HttpServletResponse.SC_SERVICE_UNAVAILABLE ? "Api disabled"
                        : "Invalid parameter: " + (field == null ? "request" : field);
                yield new Rendered("application/json;charset=utf-8",
                        "{\"status\":\"error\",\"error\":1,\"error_text\":" + json(text) + ",\"data\":{}}");
            }
            case FEED -> new Rendered("text/plain;charset=utf-8",
                    status == HttpServletResponse.SC_SERVICE_UNAVAILABLE ? "Maintenance" : message + "\n");
            default -> new Rendered("text/html;charset=utf-8", templates.process("system/error",
                    new Context(locale, Map.of("status", status, "message", message))));
        };
    }

    /** The safety message of a status: its own words where it has them, else those of its class. */
    public static String keyOf(int status) {
        return switch (status) {
            case 400, 403, 404, 405, 413, 415, 429, 500, 503 -> "safety.error." + status;
            default -> status >= 500 ? "safety.error.500" : "safety.error.other";
        };
    }

    /** A JSON string literal. */
    static String json(String text) {
        StringBuilder b = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x2028 || c == 0x2029) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
