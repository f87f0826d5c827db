package app.ratelink.postback.web;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The "add an endpoint" form of {@code /account/postbacks}: fields {@code url}, {@code method}, {@code events}. */
record PostbackForm(
        @NotBlank(message = "{postbacks.error.url.required}") @Size(max = 2000, message = "{postbacks.error.url.length}")
        String url,
        @NotBlank(message = "{postbacks.error.method}") @Pattern(regexp = "GET|POST", message = "{postbacks.error.method}")
        String method,
        @NotEmpty(message = "{postbacks.error.events}") List<String> events) {

    static PostbackForm empty() {
        return new PostbackForm("", "GET", List.of());
    }
}
