package app.ratelink.system.web;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

import app.ratelink.system.DatabaseStatus;
import app.ratelink.system.SurfaceErrors;

/**
 * Every error the container forwards to {@code /error} (unknown address, refused CSRF token, a failure): a
 * page in the visitor's language, with the site's header, for people; a problem document (RFC 9457) only for
 * clients that ask for JSON and for the machine URLs ({@code /api/**}, {@code /service/**}).
 */
@Controller
class ErrorPages implements ErrorController {

    private final SurfaceErrors errors;
    private final DatabaseStatus database;

    ErrorPages(SurfaceErrors errors, DatabaseStatus database) {
        this.errors = errors;
        this.database = database;
    }

    /** Statuses with their own words; any other shows the words of its class (4xx, 5xx). */
    private static final Set<Integer> EXPLAINED = Set.of(400, 401, 403, 404, 405, 413, 429, 500, 503);

    @RequestMapping("/error")
    ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int status = status(request);
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String failedPath = failed instanceof String f ? f : request.getRequestURI();
        Object exception = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        // A database outage thrown past the filters: 503 with Retry-After in the surface's form (issue 15).
        // The partner API always answers its envelope, whatever the failure.
        if ((exception instanceof Throwable t && database.failed(t))
                || SurfaceErrors.Surface.of(failedPath) == SurfaceErrors.Surface.PARTNER_API) {
            int answered = exception instanceof Throwable t && DatabaseStatus.unreachable(t) ? 503 : status;
            errors.answer(request, response, failedPath, answered, "safety.error." + (answered == 503 ? 503 : 400), null);
            return null;
        }
        response.setStatus(status);
        if (wantsJson(request)) {
            String path = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + json(reason(status)) + "\",\"status\":"
                    + status + ",\"instance\":\"" + json(path) + "\"}");
            return null;
        }
        String key = EXPLAINED.contains(status) ? String.valueOf(status) : status >= 500 ? "5xx" : "4xx";
        ModelAndView page = new ModelAndView("error/page", HttpStatus.valueOf(status));
        page.addObject("status", status);
        page.addObject("key", key);
        return page;
    }

    /** JSON for the machine URLs, and for a client that prefers JSON to HTML ({@code *}{@code /*} is a browser's or curl's). */
    static boolean wantsJson(HttpServletRequest request) {
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = failed instanceof String s ? s : request.getRequestURI();
        if (path.startsWith("/api/") || path.startsWith("/service/") || path.startsWith("/actuator")) {
            return true;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null || accept.isBlank()) {
            return false;
        }
        try {
            List<MediaType> types = MediaType.parseMediaTypes(accept);
            types = new java.util.ArrayList<>(types);
            types.sort(java.util.Comparator.comparingDouble(MediaType::getQualityValue).reversed());
            for (MediaType t : types) {
                if (t.isWildcardType() || t.includes(MediaType.TEXT_HTML)) {
                    return false;
                }
                if ("json".equals(t.getSubtype()) || t.getSubtype().endsWith("+json")) {
                    return true;
                }
            }
        } catch (InvalidMediaTypeException e) {
            return false;
        }
        return false;
    }

    private static int status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code instanceof Integer i && i >= 400 && i <= 599) {
            return i;
        }
        // Opened directly (no error to show): a page that does not exist. Boot's controller answered 500.
        return code == null ? 404 : 500;
    }

    private static String reason(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? "Error" : known.getReasonPhrase();
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
