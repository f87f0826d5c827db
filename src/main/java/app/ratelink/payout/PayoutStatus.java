package app.ratelink.payout;

/** The numeric statuses the partner API and the older scripts use. */
public enum PayoutStatus {
    PENDING(0), PAID(1), REJECTED(2), CANCELLED(3);

    private final int code;

    PayoutStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static PayoutStatus of(int code) {
        for (PayoutStatus s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        throw new IllegalArgumentException("No payout status " + code);
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
