package app.ratelink.postback;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.api.Test;

/** SSRF guard: every address a name resolves to must be public; IPv4 and IPv6, literals and names. */
class PublicAddressesTest {

    static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void privateLoopbackLinkLocalAndReservedAddressesAreRefused() {
        PublicAddresses literals = new PublicAddresses(host -> new InetAddress[] {ip(host)});
        for (String host : new String[] {"127.0.0.1", "10.0.0.5", "172.16.3.4", "192.168.1.1", "169.254.169.254",
                "100.64.0.1", "0.0.0.0", "224.0.0.1", "255.255.255.255", "::1", "::", "fd00::1", "fe80::1",
                "::ffff:192.168.1.1", "::ffff:127.0.0.1", "64:ff9b::a00:1", "2001:db8::1", "[::1]", "198.18.0.1"}) {
            assertThat(literals.refusal(host)).as(host).isPresent();
        }
        for (String host : new String[] {"8.8.8.8", "1.1.1.1", "2001:4860:4860::8888", "[2606:4700::1111]"}) {
            assertThat(literals.refusal(host)).as(host).isEmpty();
        }
    }

    @Test
    void aNameIsRefusedWhenAnyOfItsAddressesIsNotPublic() {
        PublicAddresses dns = new PublicAddresses(host -> switch (host) {
            case "tracker.example" -> new InetAddress[] {ip("93.184.215.14"), ip("2606:2800:21f:cb07:6820:80da:af6b:8b2c")};
            case "sneaky.example" -> new InetAddress[] {ip("93.184.215.14"), ip("10.0.0.1")};
            case "internal.example" -> new InetAddress[] {ip("fd12:3456::1")};
            default -> throw new UnknownHostException(host);
        });
        assertThat(dns.refusal("tracker.example")).isEmpty();
        assertThat(dns.refusal("sneaky.example")).hasValueSatisfying(r -> assertThat(r).contains("10.0.0.1"));
        assertThat(dns.refusal("internal.example")).isPresent();
        assertThat(dns.refusal("nowhere.example")).hasValueSatisfying(r -> assertThat(r).contains("not found"));
        assertThat(dns.refusal("")).isPresent();
    }
}
