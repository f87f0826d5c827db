package app.ratelink.system;

import org.springframework.validation.BindingResult;

/**
 * Puts a domain refusal on the form field it names, as Bean Validation puts its own: the page then shows
 * every error of the form at once, each next to its field, in the reader's language (the refusal's bundle
 * key, else its English text). A refusal that names none of the form's fields goes above the fields.
 */
public final class FormErrors {

    private FormErrors() {
    }

    public static void refused(BadRequestException e, BindingResult result) {
        refused(e.field(), e.refusal(), result);
    }

    public static void refused(String field, Refusal refusal, BindingResult result) {
        String code = refusal.code() == null ? "refused" : refusal.code();
        if (field != null && result.getFieldType(field) != null) {
            // One error per field: a refusal repeating what validation said already would only add noise.
            if (!result.hasFieldErrors(field)) {
                result.rejectValue(field, code, refusal.getArguments(), refusal.text());
            }
        } else {
            result.reject(code, refusal.getArguments(), refusal.text());
        }
    }
}
