package app.ratelink.system.web;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import java.beans.PropertyEditorSupport;
import java.util.Locale;
import java.util.Set;

import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;

/**
 * Reads typed admin form values: a value that is not a number is put on its field (unless Bean Validation
 * has put an error there already), so the page shows every such mistake at once instead of the first one.
 */
public final class AdminForms {

    private AdminForms() {
    }

    public static BigDecimal decimal(String field, String text, BindingResult errors) {
        if (text == null || text.isBlank() || errors.hasFieldErrors(field)) {
            return null;
        }
        try {
            return new BigDecimal(text.trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            errors.rejectValue(field, "admin.form.number", "Enter a number, e.g. 10 or 0.5");
            return null;
        }
    }

    public static Integer integer(String field, String text, BindingResult errors) {
        if (text == null || text.isBlank() || errors.hasFieldErrors(field)) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            errors.rejectValue(field, "admin.form.whole", "Enter a whole number");
            return null;
        }
    }

    /** An empty value where one is needed; said once, next to the field. */
    public static <T> T required(String field, T value, BindingResult errors) {
        if (value == null && !errors.hasFieldErrors(field)) {
            errors.rejectValue(field, "admin.form.required", "Required");
        }
        return value;
    }

    /** "MSK, SPB" or "MSK SPB" → [MSK, SPB]. */
    public static List<String> list(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
    }

    public static String trimmed(String text) {
        return text == null ? "" : text.trim();
    }

    private static final Set<String> CHECKED = Set.of("true", "on", "yes", "1");

    /**
     * A checkbox is checked or not: any other value it arrives with (a hand-made request) reads as unchecked.
     * A value Boolean could not convert left the whole record unbound (no form to show again: a 500).
     */
    public static void checkboxes(WebDataBinder binder) {
        binder.registerCustomEditor(Boolean.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                setValue(text != null && CHECKED.contains(text.trim().toLowerCase(Locale.ROOT)));
            }
        });
    }
}
