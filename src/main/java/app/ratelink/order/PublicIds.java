package app.ratelink.order;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;

/**
 * The order's public id is its only access control (whoever has the link sees the order), so it is
 * 128 random bits, URL-safe base64 without padding: 22 characters, never derived from the row id.
 */
final class PublicIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private PublicIds() {
    }

    private static final String NUMBER_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /**
     * The order number the client and the operator read out: 8 characters of an alphabet without 0/O and 1/I,
     * as {@code K7M4-2QXA}. Random, so it tells nothing about the exchanger's volume; not a key to the order.
     */
    static String number() {
        StringBuilder b = new StringBuilder(9);
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                b.append('-');
            }
            b.append(NUMBER_ALPHABET.charAt(RANDOM.nextInt(NUMBER_ALPHABET.length())));
        }
        return b.toString();
    }

    /**
     * An order number as an operator types it (any case, with or without the dash, {@code k7m42qxa}) in the form
     * it is stored ({@code K7M4-2QXA}); any other text unchanged, so numbers of older orders still match.
     */
    static String asNumber(String typed) {
        String t = typed.strip().toUpperCase(Locale.ROOT);
        if (t.matches("[A-Z0-9]{4}-?[A-Z0-9]{4}")) {
            return t.substring(0, 4) + "-" + t.substring(t.length() - 4);
        }
        return t;
    }

    static String next() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
