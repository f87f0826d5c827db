package app.ratelink.twofactor;

/**
 * A logged-in account that may have a second factor: its subject in the two-factor tables ({@code admin:3},
 * {@code partner:17}) and whether it had one enrolled when it logged in (then its requests need the factor).
 */
public interface TwoFactorAccount {

    String twoFactorSubject();

    boolean twoFactorEnabled();
}
