package app.ratelink.partner;

import java.io.Serializable;
import java.time.Instant;

import app.ratelink.twofactor.TwoFactorAccount;

/**
 * Who is logged in to the cabinet, kept in the session. {@code authenticatedAt} lets a session end by
 * itself when the password or e-mail is changed elsewhere (reset, another browser). {@code twoFactor}: TOTP
 * was enrolled at login, so the session needs its code too.
 */
record PartnerPrincipal(long partnerId, Instant authenticatedAt, boolean twoFactor)
        implements PartnerAccount, TwoFactorAccount, Serializable {

    PartnerPrincipal(long partnerId, Instant authenticatedAt) {
        this(partnerId, authenticatedAt, false);
    }

    static String subject(long partnerId) {
        return "partner:" + partnerId;
    }

    @Override
    public String twoFactorSubject() {
        return subject(partnerId);
    }

    @Override
    public boolean twoFactorEnabled() {
        return twoFactor;
    }

    PartnerPrincipal withTwoFactor(boolean enabled) {
        return new PartnerPrincipal(partnerId, authenticatedAt, enabled);
    }

    @Override
    public String toString() {
        return "partner:" + partnerId;
    }
}
