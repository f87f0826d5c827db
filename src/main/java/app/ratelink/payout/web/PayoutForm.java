package app.ratelink.payout.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The cabinet's payout request ({@code /account/payouts}): fields {@code method} (a payout method's id) and
 * {@code account}. A method that is not even a number is no method: refused like one that does not pay out.
 */
record PayoutForm(
        @NotBlank(message = "{cabinet.payouts.error.method}")
        @Pattern(regexp = "|\\d{1,18}", message = "{cabinet.payouts.refused.METHOD_NOT_ALLOWED}") String method,
        @NotBlank(message = "{cabinet.payouts.error.account}")
        @Size(max = 200, message = "{cabinet.payouts.error.accountLength}") String account) {

    PayoutForm {
        method = method == null ? "" : method.trim();
        account = account == null ? "" : account.trim();
    }

    static PayoutForm empty() {
        return new PayoutForm("", "");
    }

    long methodId() {
        return Long.parseLong(method);
    }
}
