package app.ratelink.twofactor;

/**
 * Where the one pair of two-factor pages ({@code twofactor/enrol}, {@code twofactor/codes}) sits: the admin's and
 * the partner's differ only in their frame, their address and where "Done" leads, so each controller gives
 * its own as the model attribute {@code twoFactorPages}.
 */
public record TwoFactorPages(String frame, String path, String done) {

    public static final String MODEL = "twoFactorPages";

    public static final TwoFactorPages ADMIN = new TwoFactorPages("admin", "/admin/account/two-factor", "/admin");
    public static final TwoFactorPages PARTNER = new TwoFactorPages("account", "/account/two-factor", "/account/partner");

    /** The admin frame's pages say so in their title. */
    public boolean admin() {
        return "admin".equals(frame);
    }
}
