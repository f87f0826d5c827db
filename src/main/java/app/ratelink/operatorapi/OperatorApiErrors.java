package app.ratelink.operatorapi;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import tools.jackson.databind.DatabindException;

import app.ratelink.system.BadRequestException;
import app.ratelink.system.ConflictException;
import app.ratelink.system.NotFoundException;

/** Turns refused operator requests into problem documents; nothing was changed in each case. */
@RestControllerAdvice(annotations = OperatorApi.class)
class OperatorApiErrors {

    @ExceptionHandler(BadRequestException.class)
    ProblemDetail badRequest(BadRequestException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setType(URI.create("https://ratelink.app/problems/invalid-field"));
        problem.setProperty("field", e.field());
        return problem;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DatabindException d && d.getOriginalMessage() != null
                    && d.getOriginalMessage().startsWith("Text contains a control character")) {
                // A text with NUL or another control character: said clearly, naming the field.
                ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, d.getOriginalMessage());
                problem.setType(URI.create("https://ratelink.app/problems/invalid-field"));
                String field = d.getPath().isEmpty() ? null : d.getPath().get(d.getPath().size() - 1).getPropertyName();
                problem.setProperty("field", field == null ? "body" : field);
                return problem;
            }
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request body is not valid JSON of the expected shape");
        problem.setProperty("field", "body");
        return problem;
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }
}
