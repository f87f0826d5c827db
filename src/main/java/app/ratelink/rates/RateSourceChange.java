package app.ratelink.rates;

import java.math.BigDecimal;

/**
 * What the operator sets on a rate source ({@code PUT /api/operator/v1/rate-sources/{code}}, the admin form).
 * Null keeps the current value (or takes the default for a new source); a blank {@code url} is the type's
 * public address. {@code timeoutSeconds} and {@code jsonPath} (type json) are optional.
 */
public record RateSourceChange(String type, String url, Integer intervalSeconds, Integer maxAgeSeconds,
                               BigDecimal maxJumpPercent, Integer timeoutSeconds, String jsonPath) {
}
