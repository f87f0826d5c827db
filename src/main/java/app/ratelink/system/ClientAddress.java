package app.ratelink.system;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The client's real address: the connection's peer, unless that peer is a trusted proxy, in which case
 * {@code X-Forwarded-For} is read from the right, skipping further trusted proxies. Only IP literals are
 * ever parsed, so a forged header can never trigger a DNS lookup.
 */
public final class ClientAddress {

    private static final Pattern IP_LITERAL = Pattern.compile("[0-9a-fA-F.:]{2,45}");

    private ClientAddress() {
    }

    /** {@code trusted}: comma-separated addresses or CIDR ranges ({@code 10.0.0.0/8}, {@code ::1}). */
    public static String of(String remoteAddr, String forwardedFor, String trusted) {
        if (remoteAddr == null || forwardedFor == null || forwardedFor.isBlank()) {
            return remoteAddr;
        }
        List<Range> proxies = ranges(trusted);
        if (!isTrusted(remoteAddr, proxies)) {
            return remoteAddr;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (!IP_LITERAL.matcher(hop).matches()) {
                // Garbage from an untrusted hop: the last trustworthy thing we know is the hop after it.
                return i == hops.length - 1 ? remoteAddr : hops[i + 1].trim();
            }
            if (!isTrusted(hop, proxies)) {
                return hop;
            }
        }
        return hops[0].trim();
    }

    /** True when the connection comes from one of the trusted proxies (whose forwarded headers count). */
    public static boolean fromTrustedProxy(String remoteAddr, String trusted) {
        return remoteAddr != null && isTrusted(remoteAddr, ranges(trusted));
    }

    /**
     * A parsed list of addresses and CIDR ranges ({@code 10.0.0.0/8, 2001:db8::/32, 192.0.2.7}), for allow-lists
     * and the like. Only IP literals are parsed, never a host name.
     */
    public static final class Ranges {

        private final List<Range> ranges;

        private Ranges(List<Range> ranges) {
            this.ranges = ranges;
        }

        /** Parses the entries that are valid and skips the others (see {@link #invalidEntry}). */
        public static Ranges parse(String list) {
            return new Ranges(List.copyOf(parseRanges(list)));
        }

        /** The first entry of a comma-separated list that is not an IP or CIDR range; empty when all are. */
        public static Optional<String> invalidEntry(String list) {
            if (list == null) {
                return Optional.empty();
            }
            for (String entry : list.split(",")) {
                String e = entry.trim();
                if (e.isEmpty()) {
                    continue;
                }
                if (parseRanges(e).isEmpty() || !validBits(e) || !strict(e)) {
                    return Optional.of(e);
                }
            }
            return Optional.empty();
        }

        /** IPv4 as four dotted numbers: the JDK also reads "1.2.3" (as 1.2.0.3), which nobody means. */
        private static boolean strict(String entry) {
            String address = entry.indexOf('/') < 0 ? entry : entry.substring(0, entry.indexOf('/'));
            if (address.indexOf(':') >= 0) {
                return true;
            }
            String[] parts = address.split("\\.", -1);
            if (parts.length != 4) {
                return false;
            }
            for (String p : parts) {
                if (!p.matches("\\d{1,3}") || Integer.parseInt(p) > 255) {
                    return false;
                }
            }
            return true;
        }

        private static boolean validBits(String entry) {
            int slash = entry.indexOf('/');
            if (slash < 0) {
                return true;
            }
            String bits = entry.substring(slash + 1);
            int max = entry.indexOf(':') >= 0 ? 128 : 32;
            return bits.matches("\\d{1,3}") && Integer.parseInt(bits) <= max;
        }

        public boolean isEmpty() {
            return ranges.isEmpty();
        }

        /** Whether the IP literal is in one of the ranges; false for anything that is not an IP literal. */
        public boolean contains(String address) {
            Optional<byte[]> bytes = ClientAddress.parse(address);
            return bytes.isPresent() && contains(bytes.get());
        }

        public boolean contains(byte[] address) {
            for (Range r : ranges) {
                if (r.contains(address)) {
                    return true;
                }
            }
            return false;
        }
    }

    private record Range(byte[] network, int bits) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    private static boolean isTrusted(String address, List<Range> proxies) {
        Optional<byte[]> bytes = parse(address);
        return bytes.isPresent() && proxies.stream().anyMatch(r -> r.contains(bytes.get()));
    }

    /** The setting changes a few times a year and is read on every partner click: parsed once per value. */
    private record Parsed(String trusted, List<Range> ranges) {
    }

    private static volatile Parsed lastParsed = new Parsed(null, List.of());

    private static List<Range> ranges(String trusted) {
        Parsed last = lastParsed;
        if (Objects.equals(last.trusted(), trusted)) {
            return last.ranges();
        }
        List<Range> parsed = List.copyOf(parseRanges(trusted));
        lastParsed = new Parsed(trusted, parsed);
        return parsed;
    }

    private static List<Range> parseRanges(String trusted) {
        List<Range> result = new ArrayList<>();
        if (trusted == null) {
            return result;
        }
        for (String entry : trusted.split(",")) {
            String e = entry.trim();
            int slash = e.indexOf('/');
            Optional<byte[]> network = parse(slash < 0 ? e : e.substring(0, slash));
            if (network.isEmpty()) {
                continue;
            }
            int max = network.get().length * 8;
            int bits = max;
            if (slash >= 0) {
                try {
                    bits = Math.min(max, Math.max(0, Integer.parseInt(e.substring(slash + 1))));
                } catch (NumberFormatException ex) {
                    continue;
                }
            }
            result.add(new Range(network.get(), bits));
        }
        return result;
    }

    private static Optional<byte[]> parse(String address) {
        if (address == null) {
            return Optional.empty();
        }
        if (address.startsWith("[") && address.endsWith("]")) {
            address = address.substring(1, address.length() - 1);
        }
        if (!IP_LITERAL.matcher(address).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(address).getAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
