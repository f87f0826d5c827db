package app.ratelink.admin;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What an admin may do: the owner everything and the admins; the operator the shop (catalogue, orders,
 * payouts, feeds, settings); support reads every admin page and changes nothing.
 */
public enum AdminRole {
    OWNER, OPERATOR, SUPPORT;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The Spring Security role name (authority {@code ROLE_ADMIN_OWNER} …; every admin also has
     * {@code ROLE_ADMIN}). Prefixed so that an operator admin is never taken for the operator API's token.
     */
    public String role() {
        return "ADMIN_" + name();
    }

    public static Optional<AdminRole> of(String code) {
        return Arrays.stream(values()).filter(r -> r.code().equals(code)).findFirst();
    }
}
