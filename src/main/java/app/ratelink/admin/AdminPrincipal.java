package app.ratelink.admin;

import java.io.Serializable;
import java.security.Principal;
import java.time.Instant;

import app.ratelink.twofactor.TwoFactorAccount;

/**
 * The logged-in admin, kept in the session. Its name is the e-mail (the audit trail's actor).
 */
public record AdminPrincipal(long id, String email, AdminRole role, Instant authenticatedAt, boolean twoFactor)
        implements Principal, TwoFactorAccount, Serializable {

    @Override
    public String getName() {
        return email;
    }

    @Override
    public String twoFactorSubject() {
        return subject(id);
    }

    @Override
    public boolean twoFactorEnabled() {
        return twoFactor;
    }

    public AdminPrincipal withTwoFactorEnabled() {
        return new AdminPrincipal(id, email, role, authenticatedAt, true);
    }

    public AdminPrincipal withTwoFactorDisabled() {
        return new AdminPrincipal(id, email, role, authenticatedAt, false);
    }

    static String subject(long adminId) {
        return "admin:" + adminId;
    }

    @Override
    public String toString() {
        return email;
    }
}
