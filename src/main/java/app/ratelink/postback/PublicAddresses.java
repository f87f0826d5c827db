package app.ratelink.postback;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

import app.ratelink.system.ClientAddress;

/**
 * Whether a postback may go to a host: every address the name resolves to must be public. Loopback,
 * private, link-local, carrier-grade NAT, documentation, multicast and reserved ranges are refused, in IPv4
 * and IPv6 (IPv4-mapped addresses are IPv4 to Java), so that a partner cannot make the exchanger call into
 * its own network (SSRF). The check runs before each delivery, not only when the endpoint is saved: a name
 * may resolve elsewhere later. (Between the check and the connection the name is resolved once more; a
 * rebinding DNS server could still win that race, which only pinning the address in the client closes.)
 */
final class PublicAddresses {

    private static final ClientAddress.Ranges NOT_PUBLIC = ClientAddress.Ranges.parse(String.join(",",
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
            "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15",
            "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
            "::/128", "::1/128", "::/96", "64:ff9b::/96", "64:ff9b:1::/48", "100::/64", "2001::/23",
            "2001:db8::/32", "2002::/16", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8"));

    /** Resolves names: a seam for tests. */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final Resolver resolver;

    PublicAddresses(Resolver resolver) {
        this.resolver = resolver;
    }

    PublicAddresses() {
        this(InetAddress::getAllByName);
    }

    /** Why the host may not be called; empty when every address it has is public. */
    Optional<String> refusal(String host) {
        if (host == null || host.isBlank()) {
            return Optional.of("no host");
        }
        String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(name);
        } catch (UnknownHostException e) {
            return Optional.of("host " + name + " not found");
        }
        if (addresses == null || addresses.length == 0) {
            return Optional.of("host " + name + " not found");
        }
        for (InetAddress a : addresses) {
            if (!isPublic(a)) {
                return Optional.of(name + " resolves to the non-public address " + a.getHostAddress());
            }
        }
        return Optional.empty();
    }

    static boolean isPublic(InetAddress a) {
        return !(a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress() || NOT_PUBLIC.contains(a.getAddress()));
    }
}
