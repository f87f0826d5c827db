package app.ratelink.partner;

import java.io.Serializable;
import java.time.Instant;

/**
 * Who is logged in to the cabinet, kept in the session. {@code authenticatedAt} lets a session end by
 * itself when the password or e-mail is changed elsewhere (reset, another browser).
 */
record PartnerPrincipal(long partnerId, Instant authenticatedAt) implements PartnerAccount, Serializable {

    @Override
    public String toString() {
        return "partner:" + partnerId;
    }
}
