package app.ratelink.system.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * The errors Spring MVC itself raises (no such page, method not allowed, {@code ResponseStatusException}):
 * a browser gets the error page of {@link ErrorPages} in its language, not Spring's problem JSON; machine URLs
 * and JSON clients keep the problem document. Ahead of the other advice, which handle their own exceptions.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class BrowserErrors {

    private final MessageSource messages;

    BrowserErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler({ErrorResponseException.class, NoResourceFoundException.class, NoHandlerFoundException.class,
            HttpRequestMethodNotSupportedException.class, HttpMediaTypeNotSupportedException.class,
            ServletRequestBindingException.class, MethodArgumentNotValidException.class,
            HandlerMethodValidationException.class})
    ResponseEntity<ProblemDetail> error(Exception e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        ErrorResponse error = (ErrorResponse) e;
        if (ErrorPages.wantsJson(request)) {
            // What Spring's own problem-details handler answers.
            return ResponseEntity.status(error.getStatusCode()).headers(error.getHeaders())
                    .body(error.updateAndGetBody(messages, LocaleContextHolder.getLocale()));
        }
        error.getHeaders().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
        response.sendError(error.getStatusCode().value());
        return null;
    }
}
