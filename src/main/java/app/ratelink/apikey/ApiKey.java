package app.ratelink.apikey;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import app.ratelink.system.ClientAddress;

/**
 * A partner's API key as listed in the cabinet: never the key itself, only its public prefix. Its scope:
 * {@code methods} it may call (empty = all of {@link #METHODS}) and {@code allowedIps}, the addresses and
 * CIDR ranges it may be used from (empty = anywhere).
 */
public record ApiKey(long id, long partnerId, String prefix, Instant createdAt, Instant lastUsedAt,
                     Instant revokedAt, Set<String> methods, String allowedIps) {

    /** The partner API's methods, the values of the {@code methods} checkboxes. */
    public static final List<String> METHODS = List.of("get_info", "get_exchanges", "get_links", "get_payouts",
            "add_payout");

    public ApiKey {
        methods = methods == null ? Set.of() : Set.copyOf(methods);
        allowedIps = allowedIps == null ? "" : allowedIps;
    }

    public ApiKey(long id, long partnerId, String prefix, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {
        this(id, partnerId, prefix, createdAt, lastUsedAt, revokedAt, Set.of(), "");
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    /** Whether the key may call the method (a key without a scope may call every method). */
    public boolean allowsMethod(String method) {
        return methods.isEmpty() || methods.contains(method);
    }

    /** Whether the key may be used from that address (an IP literal; anything else is refused by a list). */
    public boolean allowsAddress(String address) {
        return allowedIps.isBlank() || ClientAddress.Ranges.parse(allowedIps).contains(address);
    }

    /** The methods in the order of {@link #METHODS}. */
    public List<String> methodList() {
        return METHODS.stream().filter(this::allowsMethod).toList();
    }
}
