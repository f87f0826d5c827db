package app.ratelink.order;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The partner's own tags on a partner link ({@code /ref/{code}/?sub1=…&click_id=…}): kept on the click and
 * copied to the order the click attributes, so a tracker can join its visits to our conversions. Names are
 * matched case-insensitively; values are cropped to {@value #MAX} characters, never refused; absent = "".
 */
public record SubIds(String sub1, String sub2, String sub3, String sub4, String sub5, String clickId) {

    public static final int MAX = 128;
    /** The parameter (and API field) names, in this order. */
    public static final List<String> NAMES = List.of("sub1", "sub2", "sub3", "sub4", "sub5", "click_id");
    public static final SubIds NONE = new SubIds("", "", "", "", "", "");

    public SubIds {
        sub1 = crop(sub1);
        sub2 = crop(sub2);
        sub3 = crop(sub3);
        sub4 = crop(sub4);
        sub5 = crop(sub5);
        clickId = crop(clickId);
    }

    /** From request parameters; the first value of a name wins, whatever its case. */
    public static SubIds fromParameters(Map<String, String[]> parameters) {
        if (parameters == null || parameters.isEmpty()) {
            return NONE;
        }
        String[] values = new String[NAMES.size()];
        boolean any = false;
        for (Map.Entry<String, String[]> e : parameters.entrySet()) {
            String name = e.getKey();
            if (name == null || name.length() < 4 || name.length() > 8) {
                continue;
            }
            int i = NAMES.indexOf(name.toLowerCase(Locale.ROOT));
            if (i >= 0 && values[i] == null && e.getValue() != null && e.getValue().length > 0) {
                values[i] = e.getValue()[0];
                any = true;
            }
        }
        return any ? new SubIds(values[0], values[1], values[2], values[3], values[4], values[5]) : NONE;
    }

    /** The values in the order of {@link #NAMES}. */
    public List<String> values() {
        return List.of(sub1, sub2, sub3, sub4, sub5, clickId);
    }

    public String get(String name) {
        int i = NAMES.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("No sub-ID " + name);
        }
        return values().get(i);
    }

    public boolean isEmpty() {
        return values().stream().allMatch(String::isEmpty);
    }

    /**
     * Cropped to {@value #MAX} characters (never splitting a surrogate pair) with NUL replaced: PostgreSQL
     * refuses NUL in text, and a click must never be refused for what a client sent.
     */
    static String crop(String value) {
        if (value == null) {
            return "";
        }
        String v = value.indexOf('\0') >= 0 ? value.replace('\0', '\uFFFD') : value;
        if (v.length() <= MAX) {
            return v;
        }
        int end = Character.isHighSurrogate(v.charAt(MAX - 1)) ? MAX - 1 : MAX;
        return v.substring(0, end);
    }
}
