package app.ratelink.feed;

import java.util.Arrays;
import java.util.Optional;

/** Which XML a monitoring parses: BestChange's classic file or the EREF 1.1 schema. */
public enum XmlFlavour {
    CLASSIC("classic"), EREF_1_1("eref-1.1");

    private final String code;

    XmlFlavour(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<XmlFlavour> of(String code) {
        return Arrays.stream(values()).filter(f -> f.code.equalsIgnoreCase(code == null ? "" : code.trim())).findFirst();
    }
}
