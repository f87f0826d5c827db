package app.ratelink.catalog.web;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Reads typed admin form values; a value that is not a number is reported on its field, not thrown. */
final class AdminForms {

    private AdminForms() {
    }

    static BigDecimal decimal(String field, String text, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            errors.put(field, "admin.form.number");
            return null;
        }
    }

    static Integer integer(String field, String text, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            errors.put(field, "admin.form.whole");
            return null;
        }
    }

    /** "MSK, SPB" or "MSK SPB" → [MSK, SPB]. */
    static List<String> list(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
    }
}
