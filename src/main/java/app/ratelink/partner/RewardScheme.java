package app.ratelink.partner;

import java.util.Arrays;
import java.util.Optional;

/** How a partner is rewarded: a share of its clients' orders (the default), or a fixed amount per unique click. */
public enum RewardScheme {
    ORDERS("orders"), UNIQUE_CLICKS("uniqueClicks");

    private final String code;

    RewardScheme(String code) {
        this.code = code;
    }

    /** As written in the operator API and forms: {@code orders}, {@code uniqueClicks}. */
    public String code() {
        return code;
    }

    public static Optional<RewardScheme> of(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code == null ? "" : code.trim())).findFirst();
    }
}
