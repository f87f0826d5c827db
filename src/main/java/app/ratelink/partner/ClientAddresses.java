package app.ratelink.partner;

import jakarta.servlet.http.HttpServletRequest;

import app.ratelink.system.ClientAddress;

/**
 * The address a login attempt came from, for the per-address throttle: the connection's peer, or behind a
 * trusted proxy (trustedProxies setting) the client named by {@code X-Forwarded-For}. A header from anyone
 * else is ignored, so a guesser cannot pick a fresh address per attempt.
 */
final class ClientAddresses {

    private ClientAddresses() {
    }

    static String of(HttpServletRequest request, String trustedProxies) {
        return ClientAddress.of(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"), trustedProxies);
    }
}
