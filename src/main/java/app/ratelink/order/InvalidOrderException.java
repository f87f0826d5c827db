package app.ratelink.order;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import app.ratelink.system.BadRequestException;

/**
 * An order the client must correct: every problem found, by form field ({@code amount}, {@code account},
 * {@code email}, {@code city}, or {@code direction} when the direction closed meanwhile). Nothing was stored.
 */
public class InvalidOrderException extends BadRequestException {

    private final transient Map<String, String> errors;

    public InvalidOrderException(Map<String, String> errors) {
        super(errors.keySet().iterator().next(), errors.values().iterator().next());
        this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
    }

    public Map<String, String> errors() {
        return errors;
    }
}
