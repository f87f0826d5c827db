package app.ratelink.rates;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A source's whole last answer, stored as text (KEY=VALUE lines) so that any node can preview a formula. */
final class LastValues {

    /** The column's size; a larger answer is kept only for the keys formulas name. */
    static final int MAX_CHARS = 1_000_000;

    private LastValues() {
    }

    static Optional<String> encode(Map<String, BigDecimal> values) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, BigDecimal> e : values.entrySet()) {
            b.append(e.getKey()).append('=').append(e.getValue().toPlainString()).append('\n');
            if (b.length() > MAX_CHARS) {
                return Optional.empty();
            }
        }
        return Optional.of(b.toString());
    }

    static Map<String, BigDecimal> decode(String text) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        if (text == null) {
            return values;
        }
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                BigDecimal v = SourceFormats.decimal(line.substring(eq + 1));
                if (v != null) {
                    values.put(line.substring(0, eq), v);
                }
            }
        }
        return values;
    }
}
