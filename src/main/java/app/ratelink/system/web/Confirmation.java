package app.ratelink.system.web;

import java.util.Map;

import org.springframework.ui.Model;

/**
 * The step before an irreversible POST (issue 14: an order's status change, a payout paid or rejected, a ban, a
 * revoked API key). The POST without {@code confirm=1} changes nothing and answers this page: what will happen,
 * and a form that re-posts the same fields with {@code confirm=1} (and the CSRF token {@code th:action} adds).
 * It works without JavaScript, and a double click or a stray Enter on the list does nothing irreversible.
 *
 * @param layout   the page frame the question is shown in (admin or partner cabinet)
 * @param question the operator's or partner's language, already resolved: what the confirmation does
 * @param action   where the confirmed form posts (the same URL)
 * @param fields   the original form's fields, posted again unchanged
 * @param back     where "cancel" goes
 */
public record Confirmation(Layout layout, String question, String action, Map<String, String> fields, String back) {

    public static final String VIEW = "system/confirm";

    public enum Layout {
        ADMIN("fragments/admin"), ACCOUNT("fragments/account");

        private final String fragment;

        Layout(String fragment) {
            this.fragment = fragment;
        }

        public String fragment() {
            return fragment;
        }
    }

    public Confirmation {
        fields = Map.copyOf(fields);
    }

    /** Puts the question on the model and names the view to answer with. */
    public String show(Model model) {
        model.addAttribute("confirmation", this);
        return VIEW;
    }
}
