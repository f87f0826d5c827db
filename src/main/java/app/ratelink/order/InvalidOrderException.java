package app.ratelink.order;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import app.ratelink.system.BadRequestException;
import app.ratelink.system.Refusal;

/**
 * An order the client must correct: every problem found, by form field ({@code amount}, {@code account},
 * {@code email}, {@code city}, or {@code direction} when the direction closed meanwhile). Nothing was stored.
 * Each problem is a {@link Refusal}: the page says it in the client's language, {@link #errors()} in English.
 */
public class InvalidOrderException extends BadRequestException {

    private final transient Map<String, Refusal> refusals;

    public InvalidOrderException(Map<String, String> errors) {
        this(texts(errors), true);
    }

    private InvalidOrderException(Map<String, Refusal> refusals, boolean copied) {
        super(refusals.keySet().iterator().next(), refusals.values().iterator().next());
        this.refusals = Collections.unmodifiableMap(new LinkedHashMap<>(refusals));
    }

    /** Every refusal, by field, in the order found. */
    public static InvalidOrderException of(Map<String, Refusal> refusals) {
        return new InvalidOrderException(refusals, true);
    }

    public Map<String, Refusal> refusals() {
        return refusals;
    }

    /** The English texts by field. */
    public Map<String, String> errors() {
        Map<String, String> texts = new LinkedHashMap<>();
        refusals.forEach((field, r) -> texts.put(field, r.text()));
        return Collections.unmodifiableMap(texts);
    }

    private static Map<String, Refusal> texts(Map<String, String> errors) {
        Map<String, Refusal> r = new LinkedHashMap<>();
        errors.forEach((field, text) -> r.put(field, Refusal.text(text)));
        return r;
    }
}
