package app.ratelink.partner;

/**
 * Implemented by the security principal of a logged-in partner, so that other features can tell
 * who is logged in without knowing how the partner logged in.
 */
public interface PartnerAccount {

    long partnerId();
}
