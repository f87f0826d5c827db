package app.ratelink.partner;

import java.util.Arrays;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The address a login attempt came from, for the per-address throttle. Behind a trusted proxy (the
 * trustedProxies setting, exact addresses) the right-most {@code X-Forwarded-For} hop is the client; a
 * header from anyone else is ignored, so a guesser cannot pick a fresh address per attempt.
 */
final class ClientAddresses {

    private ClientAddresses() {
    }

    static String of(HttpServletRequest request, String trustedProxies) {
        String peer = request.getRemoteAddr();
        String forwarded = request.getHeader("X-Forwarded-For");
        if (peer == null || forwarded == null || forwarded.isBlank() || !trusted(peer, trustedProxies)) {
            return peer;
        }
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (!hop.matches("[0-9a-fA-F.:]{2,45}")) {
                return peer;
            }
            if (!trusted(hop, trustedProxies)) {
                return hop;
            }
        }
        return peer;
    }

    private static boolean trusted(String address, String trustedProxies) {
        return trustedProxies != null && Arrays.stream(trustedProxies.split(","))
                .map(String::trim).anyMatch(address::equals);
    }
}
