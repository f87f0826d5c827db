package app.ratelink.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** X-Forwarded-For is believed only from trusted proxies, read from the right. */
class ClientAddressTest {

    private static final String TRUSTED = "127.0.0.1,::1,10.0.0.0/8";

    @Test
    void ignoresTheHeaderFromUntrustedPeers() {
        assertThat(ClientAddress.of("203.0.113.9", "1.2.3.4", TRUSTED)).isEqualTo("203.0.113.9");
    }

    @Test
    void takesTheRightmostUntrustedHopBehindTrustedProxies() {
        assertThat(ClientAddress.of("127.0.0.1", "198.51.100.1", TRUSTED)).isEqualTo("198.51.100.1");
        // A client forging its own X-Forwarded-For cannot choose its address.
        assertThat(ClientAddress.of("10.1.2.3", "6.6.6.6, 198.51.100.1, 10.0.0.5", TRUSTED)).isEqualTo("198.51.100.1");
        assertThat(ClientAddress.of("0:0:0:0:0:0:0:1", "2001:db8::7", TRUSTED)).isEqualTo("2001:db8::7");
    }

    @Test
    void neverResolvesNamesAndSurvivesGarbage() {
        assertThat(ClientAddress.of("127.0.0.1", "evil.example.com", TRUSTED)).isEqualTo("127.0.0.1");
        assertThat(ClientAddress.of("127.0.0.1", "garbage, 198.51.100.1", TRUSTED)).isEqualTo("198.51.100.1");
        assertThat(ClientAddress.of("127.0.0.1", "", TRUSTED)).isEqualTo("127.0.0.1");
        assertThat(ClientAddress.of("127.0.0.1", "10.0.0.1", TRUSTED)).isEqualTo("10.0.0.1");
        assertThat(ClientAddress.of("127.0.0.1", "198.51.100.1", "")).isEqualTo("127.0.0.1");
    }

    @Test
    void aChangedTrustedListTakesEffectAtOnce() {
        // The parsed list is remembered per value: a new value must never be answered with the old ranges.
        assertThat(ClientAddress.of("192.0.2.10", "198.51.100.1", TRUSTED)).isEqualTo("192.0.2.10");
        assertThat(ClientAddress.of("192.0.2.10", "198.51.100.1", TRUSTED + ",192.0.2.0/24")).isEqualTo("198.51.100.1");
        assertThat(ClientAddress.of("192.0.2.10", "198.51.100.1", TRUSTED)).isEqualTo("192.0.2.10");
        assertThat(ClientAddress.of("192.0.2.10", "198.51.100.1", null)).isEqualTo("192.0.2.10");
    }
}
