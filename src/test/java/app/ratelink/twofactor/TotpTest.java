package app.ratelink.twofactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** TOTP as RFC 6238 defines it (its SHA-1 test vectors), and the URI authenticator apps read. */
class TotpTest {

    /** RFC 6238 appendix B: the ASCII key "12345678901234567890", 8 digits there; the last 6 here. */
    static final String RFC_SECRET = Totp.base32("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

    @Test
    void matchesTheRfcTestVectors() {
        assertThat(Totp.code(RFC_SECRET, 59 / 30)).isEqualTo("287082");
        assertThat(Totp.code(RFC_SECRET, 1111111109L / 30)).isEqualTo("081804");
        assertThat(Totp.code(RFC_SECRET, 1234567890L / 30)).isEqualTo("005924");
        assertThat(Totp.code(RFC_SECRET, 20000000000L / 30)).isEqualTo("353130");
    }

    @Test
    void acceptsTheStepsNextToNowAndTellsWhichOneMatched() {
        Instant now = Instant.ofEpochSecond(1_800_000_000L);
        long step = now.getEpochSecond() / 30;
        assertThat(Totp.step(RFC_SECRET, Totp.code(RFC_SECRET, step), now)).hasValue(step);
        assertThat(Totp.step(RFC_SECRET, Totp.code(RFC_SECRET, step - 1), now)).hasValue(step - 1);
        assertThat(Totp.step(RFC_SECRET, Totp.code(RFC_SECRET, step + 1), now)).hasValue(step + 1);
        assertThat(Totp.step(RFC_SECRET, Totp.code(RFC_SECRET, step + 2), now)).isEmpty();
        assertThat(Totp.step(RFC_SECRET, "12345", now)).isEmpty();
        assertThat(Totp.step(RFC_SECRET, null, now)).isEmpty();
    }

    @Test
    void theUriIsWhatAuthenticatorAppsRead() {
        String secret = Totp.newSecret();
        assertThat(secret).matches("[A-Z2-7]{32}");
        assertThat(Totp.base32(Totp.base32Decode(secret).clone())).isEqualTo(secret);
        assertThat(Totp.uri("Ratelink", "admin@x.test", secret)).isEqualTo("otpauth://totp/Ratelink:admin%40x.test?secret="
                + secret + "&issuer=Ratelink&algorithm=SHA1&digits=6&period=30");
        assertThat(QrCode.svg(Totp.uri("Ratelink", "admin@x.test", secret))).startsWith("<svg").contains("<path");
    }
}
