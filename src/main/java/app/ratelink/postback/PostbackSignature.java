package app.ratelink.postback;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code X-Ratelink-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">} with the endpoint's
 * secret; the body is empty for GET. The receiver recomputes it and compares, and may refuse an old
 * {@code t} (a replay).
 */
public final class PostbackSignature {

    public static final String HEADER = "X-Ratelink-Signature";

    private PostbackSignature() {
    }

    public static String header(String secret, long unixSeconds, String body) {
        return "t=" + unixSeconds + ",v1=" + hmac(secret, unixSeconds + "." + (body == null ? "" : body));
    }

    public static String hmac(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }
}
