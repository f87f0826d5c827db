package app.ratelink.system;

import java.io.IOException;
import java.io.UncheckedIOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Spring MVC's own refusals (a parameter of the wrong type, a method not allowed, an unreadable body, …):
 * problem documents on the APIs as before (this replaces Boot's ProblemDetailsExceptionHandler), and on the
 * site a page with the message instead of a JSON document a browser would show as text.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class StandardErrors extends ResponseEntityExceptionHandler {

    private final SurfaceErrors errors;

    StandardErrors(SurfaceErrors errors) {
        this.errors = errors;
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        if (request instanceof ServletWebRequest web && web.getResponse() != null) {
            HttpServletRequest r = web.getRequest();
            String path = r.getRequestURI().substring(r.getContextPath().length());
            if (SurfaceErrors.Surface.of(path) == SurfaceErrors.Surface.PAGE) {
                HttpServletResponse response = web.getResponse();
                headers.forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
                try {
                    errors.answer(r, response, path, statusCode.value(), SurfaceErrors.keyOf(statusCode.value()), null);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return null;
            }
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }
}
