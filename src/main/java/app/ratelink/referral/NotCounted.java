package app.ratelink.referral;

/** Why a visit through a partner link is kept but never billed (stored in clicks.not_counted). */
final class NotCounted {

    static final String BOT = "bot";
    static final String HEAD = "head";
    static final String PREFETCH = "prefetch";
    static final String OWN = "own";

    private NotCounted() {
    }
}
