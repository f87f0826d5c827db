package app.ratelink.twofactor;

import java.net.URI;
import java.time.Instant;

/** What an authenticator app does with the enrolment URI: the code of a moment, from the URI's secret. */
public final class TestTotp {

    private TestTotp() {
    }

    public static String secret(String otpauthUri) {
        String query = URI.create(otpauthUri).getRawQuery();
        for (String pair : query.split("&")) {
            if (pair.startsWith("secret=")) {
                return pair.substring("secret=".length());
            }
        }
        throw new IllegalArgumentException("no secret in " + otpauthUri);
    }

    public static String code(String otpauthUri, Instant at) {
        return Totp.code(secret(otpauthUri), at.getEpochSecond() / Totp.STEP.toSeconds());
    }
}
