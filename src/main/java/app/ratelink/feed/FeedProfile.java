package app.ratelink.feed;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What one monitoring gets: its {@code code} in the URL, whether it is served, its XML flavour, which
 * directions ("FROM-TO"; empty = all listed), the codes it uses for our currencies, the format details its
 * parser insists on ({@link FeedCompatibility}) and the partner account of the monitoring (null: none).
 */
public record FeedProfile(String code, String name, boolean enabled, XmlFlavour xmlFlavour, List<String> directions,
                          Map<String, String> aliases, Instant updatedAt, FeedCompatibility compatibility,
                          Long partnerId) {

    public static final Pattern CODE = Pattern.compile("[a-z0-9_-]{1,32}");

    public FeedProfile {
        directions = List.copyOf(directions);
        aliases = Map.copyOf(aliases);
        compatibility = compatibility == null ? FeedCompatibility.DEFAULT : compatibility;
    }

    /** A profile with today's output and no partner. */
    public FeedProfile(String code, String name, boolean enabled, XmlFlavour xmlFlavour, List<String> directions,
                       Map<String, String> aliases, Instant updatedAt) {
        this(code, name, enabled, xmlFlavour, directions, aliases, updatedAt, FeedCompatibility.DEFAULT, null);
    }

    boolean lists(String from, String to) {
        return directions.isEmpty() || directions.contains(from + "-" + to);
    }

    String codeOf(String currency) {
        return aliases.getOrDefault(currency, currency);
    }
}
