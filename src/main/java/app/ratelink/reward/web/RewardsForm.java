package app.ratelink.reward.web;

import java.beans.PropertyEditorSupport;
import java.util.Arrays;
import java.util.List;

import org.springframework.web.bind.WebDataBinder;

import app.ratelink.system.web.AdminForms;

/**
 * The reward scheme form as Spring MVC binds it (field names are the page's and the tests'): the base, the
 * default percent, and the level table as two columns of raw values, one per row, in the order typed.
 */
record RewardsForm(String base, String percent, List<String> turnover, List<String> levelPercent) {

    RewardsForm {
        base = AdminForms.trimmed(base);
        percent = AdminForms.trimmed(percent);
        turnover = turnover == null ? List.of() : turnover;
        levelPercent = levelPercent == null ? List.of() : levelPercent;
    }

    /**
     * The level columns keep each value as typed: Spring's default String-to-List conversion would split a
     * single "1,000" at its comma into two rows.
     */
    static void rows(WebDataBinder binder) {
        binder.registerCustomEditor(List.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                setValue(List.of(text));
            }

            @Override
            public void setValue(Object value) {
                super.setValue(value instanceof String[] values ? Arrays.asList(values)
                        : value instanceof String text ? List.of(text) : value);
            }
        });
    }
}
