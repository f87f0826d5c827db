package app.ratelink.operatorapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.web.bind.annotation.RestController;

/**
 * Marks a controller of the operator API ({@code /api/operator/v1/...}): bearer-token protected,
 * JSON in and out, errors as RFC 9457 problem documents that name the offending field.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@RestController
public @interface OperatorApi {
}
