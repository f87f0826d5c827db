package app.ratelink.partnerapi;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * A client address with its host part removed before it leaves the exchanger: IPv4 keeps /24
 * ({@code 1.2.3.4} → {@code 1.2.3.0}), IPv6 keeps /48. Anything that is not an IP literal becomes
 * {@code 0.0.0.0}, the value the seed shows for an unknown address; nothing is ever resolved by DNS.
 */
final class AnonymizedIp {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]{2,45}");

    private AnonymizedIp() {
    }

    static String of(String ip) {
        if (ip == null || ip.isBlank()) {
            return "0.0.0.0";
        }
        var v4 = IPV4.matcher(ip);
        if (v4.matches()) {
            return v4.group(1) + "." + v4.group(2) + "." + v4.group(3) + ".0";
        }
        if (ip.indexOf(':') < 0 || !IPV6.matcher(ip).matches()) {
            return "0.0.0.0";
        }
        try {
            byte[] bytes = InetAddress.getByName(ip).getAddress();
            if (bytes.length == 4) {
                return (bytes[0] & 0xFF) + "." + (bytes[1] & 0xFF) + "." + (bytes[2] & 0xFF) + ".0";
            }
            return String.format("%x:%x:%x::", group(bytes, 0), group(bytes, 2), group(bytes, 4));
        } catch (UnknownHostException e) {
            return "0.0.0.0";
        }
    }

    private static int group(byte[] bytes, int at) {
        return ((bytes[at] & 0xFF) << 8) | (bytes[at + 1] & 0xFF);
    }
}
