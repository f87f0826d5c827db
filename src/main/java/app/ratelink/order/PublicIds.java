package app.ratelink.order;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The order's public id is its only access control (whoever has the link sees the order), so it is
 * 128 random bits, URL-safe base64 without padding: 22 characters, never derived from the row id.
 */
final class PublicIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private PublicIds() {
    }

    static String next() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
