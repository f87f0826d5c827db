package app.ratelink.rates;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * The part of JSONPath a rate source needs, one node by a definite path: {@code $}, {@code $.data.rates},
 * {@code $.items[0].price}, {@code $['bitcoin']['usd']} (a leading {@code $} is optional). Wildcards, filters
 * and recursive descent are not supported: a rate comes from one place.
 */
final class JsonPath {

    private static final Pattern STEP = Pattern.compile("\\.([A-Za-z0-9_\\-]+)|\\[(\\d+)]|\\['([^']*)']|\\[\"([^\"]*)\"]");

    private JsonPath() {
    }

    /** @throws IllegalArgumentException for a path outside this subset */
    static void check(String path) {
        steps(path, null);
    }

    /** The node at the path, or null when the document has nothing there. */
    static JsonNode select(JsonNode root, String path) {
        return steps(path, root);
    }

    private static JsonNode steps(String path, JsonNode root) {
        String p = path == null ? "" : path.trim();
        if (p.startsWith("$")) {
            p = p.substring(1);
        }
        if (!p.isEmpty() && !p.startsWith(".") && !p.startsWith("[")) {
            p = "." + p;
        }
        JsonNode node = root;
        Matcher m = STEP.matcher(p);
        int at = 0;
        while (at < p.length()) {
            if (!m.find(at) || m.start() != at) {
                throw new NotUnderstood(p.substring(at));
            }
            if (node != null) {
                if (m.group(2) != null) {
                    node = node.isArray() ? node.get(Integer.parseInt(m.group(2))) : null;
                } else {
                    String name = m.group(1) != null ? m.group(1) : m.group(3) != null ? m.group(3) : m.group(4);
                    node = node.isObject() ? node.get(name) : null;
                }
            }
            at = m.end();
        }
        return root == null ? null : node;
    }

    /** A path that cannot be read from {@code rest} on. */
    static final class NotUnderstood extends IllegalArgumentException {

        final String rest;

        NotUnderstood(String rest) {
            super("JSON path not understood at '" + rest + "'");
            this.rest = rest;
        }
    }
}
