package app.ratelink.partner;

import java.util.Locale;
import java.util.regex.Pattern;

/** E-mail addresses as accounts know them: trimmed and lower-cased, so one mailbox is one account. */
final class EmailAddresses {

    /** Deliberately loose: the confirmation mail is the real test of an address. */
    private static final Pattern SHAPE = Pattern.compile("[^\\s@]{1,64}@[^\\s@]+\\.[^\\s@]+");

    private EmailAddresses() {
    }

    static String normalized(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }

    static boolean valid(String normalized) {
        return normalized.length() <= 254 && SHAPE.matcher(normalized).matches();
    }
}
