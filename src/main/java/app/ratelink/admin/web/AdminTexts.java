package app.ratelink.admin.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Texts of {@code i18n/admins} in the admin's language; a refusal's message is a key or already a text. */
@Component
class AdminTexts {

    private final MessageSource messages;

    AdminTexts(MessageSource messages) {
        this.messages = messages;
    }

    String text(String keyOrText, Object... args) {
        if (keyOrText != null && keyOrText.startsWith("admins.")) {
            return messages.getMessage(keyOrText, args, keyOrText, LocaleContextHolder.getLocale());
        }
        return keyOrText;
    }
}
