package app.ratelink.admin.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import app.ratelink.system.BadRequestException;
import app.ratelink.system.ConflictException;

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

    /** A refusal in the admin's language: its bundle key when it has one, else its message as {@link #text}. */
    String refusal(RuntimeException e) {
        if (e instanceof BadRequestException b && b.refusal().code() != null) {
            return messages.getMessage(b.refusal(), LocaleContextHolder.getLocale());
        }
        if (e instanceof ConflictException c && c.refusal().code() != null) {
            return messages.getMessage(c.refusal(), LocaleContextHolder.getLocale());
        }
        return text(e.getMessage());
    }
}
