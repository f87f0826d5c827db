package app.ratelink.partner;

import java.security.SecureRandom;

/**
 * Partner codes, the public part of {@code /ref/{code}/}: random (not derived from the account id, so
 * the number of partners and the order they joined stay private), short, URL-safe, and free of
 * characters people confuse when they copy a link by hand (0/o, 1/l/i).
 */
final class PartnerCodes {

    static final int LENGTH = 8;
    private static final char[] ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();

    private final SecureRandom random = new SecureRandom();

    String next() {
        char[] code = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            code[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(code);
    }
}
