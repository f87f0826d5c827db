package app.ratelink.admin.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import app.ratelink.reward.Adjustments;

/**
 * The admin partner page's adjustment form. {@code key} is drawn when the form is shown, so the same form
 * sent twice (a double click, a reload) books once.
 */
record AdjustmentForm(
        @NotBlank(message = "{dashboard.adjust.amount.required}")
        @Pattern(regexp = "\\s*[-+]?\\d{1,9}([.,]\\d{1,2})?\\s*", message = "{dashboard.adjust.amount.invalid}")
        String amount,
        @NotBlank(message = "{dashboard.adjust.reason.required}")
        @Size(max = Adjustments.REASON_LENGTH, message = "{dashboard.adjust.reason.long}")
        String reason,
        @NotBlank @Pattern(regexp = "[A-Za-z0-9._:-]{1,100}") String key) {

    java.math.BigDecimal decimal() {
        return new java.math.BigDecimal(amount.strip().replace(',', '.'));
    }
}
