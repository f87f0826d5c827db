package app.ratelink.feed;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What one monitoring gets: its {@code code} in the URL, whether it is served, its XML flavour, which
 * directions ("FROM-TO"; empty = all listed) and the codes it uses for our currencies.
 */
public record FeedProfile(String code, String name, boolean enabled, XmlFlavour xmlFlavour, List<String> directions,
                          Map<String, String> aliases, Instant updatedAt) {

    public static final Pattern CODE = Pattern.compile("[a-z0-9_-]{1,32}");

    public FeedProfile {
        directions = List.copyOf(directions);
        aliases = Map.copyOf(aliases);
    }

    boolean lists(String from, String to) {
        return directions.isEmpty() || directions.contains(from + "-" + to);
    }

    String codeOf(String currency) {
        return aliases.getOrDefault(currency, currency);
    }
}
