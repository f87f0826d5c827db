package app.ratelink.catalog;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Direction flags as monitorings name them in rate files (BestChange {@code <param>}, EREF elements). */
public enum DirectionFlag {
    MANUAL, JURIDICAL, VERIFYING, CARDVERIFY, FLOATING, OTHERIN, OTHEROUT, REG, CARD2CARD, DELIVERY, HOLD;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DirectionFlag> of(String code) {
        String c = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.name().equals(c)).findFirst();
    }
}
