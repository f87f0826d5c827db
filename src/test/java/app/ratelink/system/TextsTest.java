package app.ratelink.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.attoparser.config.ParseConfiguration;
import org.attoparser.dom.DOMMarkupParser;
import org.attoparser.dom.Document;
import org.attoparser.dom.Element;
import org.attoparser.dom.INestableNode;
import org.attoparser.dom.INode;
import org.attoparser.dom.Text;
import org.junit.jupiter.api.Test;

/**
 * Every text a person reads comes from the bundles (issue 17): each area has the same keys in every language,
 * and no template holds a literal word (text nodes, {@code title}, {@code placeholder}, {@code alt},
 * {@code aria-label}) outside {@code #{…}}. Code samples ({@code <code>}, {@code <pre>}) are not language.
 * Templates hold no inline {@code <script>} and no {@code on…=} handler either (a strict CSP is coming).
 */
class TextsTest {

    private static final Path BUNDLES = Path.of("src/main/resources/i18n");
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    /** A word has a lower-case letter (any script); codes and acronyms (PMUSD-BTC, XML, IP, USD) are not language. */
    private static final Pattern WORD = Pattern.compile("\\p{Ll}");
    private static final Pattern ARGUMENT = Pattern.compile("\\{\\d+[},]");
    private static final Set<String> NOT_LANGUAGE = Set.of("code", "pre", "script", "style", "kbd", "samp");
    private static final List<String> REPLACING = List.of("th:text", "th:utext", "th:replace", "th:insert",
            "th:errors", "data-th-text", "data-th-utext");
    /** Attributes whose expression is shown: a quoted literal there with a phrase of words is language. */
    private static final Set<String> SHOWN_EXPRESSIONS = Set.of("th:text", "th:utext", "th:title", "th:placeholder",
            "th:alt", "th:aria-label", "data-th-text");
    private static final Pattern QUOTED = Pattern.compile("'([^']*)'");
    /** Two words, the second starting in lower case ("Ratelink admin", "last poll"); a lone code or brand is not. */
    private static final Pattern PHRASE = Pattern.compile("\\p{L}+\\s+\\p{Ll}{2,}");
    private static final Set<String> READ_ATTRIBUTES = Set.of("title", "placeholder", "alt", "aria-label", "label",
            "aria-description", "data-confirm");

    @Test
    void everyLanguageHasEveryKeyOfEveryArea() throws IOException {
        List<String> problems = new ArrayList<>();
        List<String> areas;
        try (Stream<Path> files = Files.list(BUNDLES)) {
            areas = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".properties") && !n.contains("_"))
                    .map(n -> n.substring(0, n.length() - ".properties".length())).sorted().toList();
        }
        assertThat(areas).contains("site");
        for (String area : areas) {
            Set<String> english = keys(BUNDLES.resolve(area + ".properties"), area, problems);
            for (Locale language : Languages.available()) {
                if (language.equals(Languages.FALLBACK)) {
                    continue;
                }
                Path file = BUNDLES.resolve(area + "_" + language.getLanguage() + ".properties");
                if (!Files.exists(file)) {
                    problems.add(file + ": missing (every area needs every language)");
                    continue;
                }
                Set<String> translated = keys(file, area, problems);
                Set<String> missing = new TreeSet<>(english);
                missing.removeAll(translated);
                Set<String> extra = new TreeSet<>(translated);
                extra.removeAll(english);
                if (!missing.isEmpty()) {
                    problems.add(file + ": missing " + missing);
                }
                if (!extra.isEmpty()) {
                    problems.add(file + ": not in " + area + ".properties " + extra);
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(Languages.available()).extracting(Locale::getLanguage).contains("en", "ru");
    }

    /** A bundle key the code names as a literal: a refusal's, a formula error's, a text looked up by key. */
    private static final Pattern CODE_KEY = Pattern.compile(
            "(?:Refusal\\.of\\(|FormulaException\\(|InvalidCatalogChangeException\\.of\\([^,]+,|getMessage\\()\\s*\"([a-z][A-Za-z0-9_.]*[A-Za-z0-9])\"\\s*[,)]");

    /** A refusal or text the code names by a key no bundle has would show its English fallback in every language. */
    @Test
    void everyKeyTheCodeNamesIsInTheBundles() throws IOException {
        Set<String> known = new TreeSet<>();
        List<String> ignored = new ArrayList<>();
        try (Stream<Path> files = Files.list(BUNDLES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".properties") && !f.getFileName().toString().contains("_")).toList()) {
                String name = file.getFileName().toString();
                known.addAll(keys(file, name.substring(0, name.length() - ".properties".length()), ignored));
            }
        }
        List<String> unknown = new ArrayList<>();
        int named = 0;
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(f -> f.toString().endsWith(".java")).toList()) {
                var m = CODE_KEY.matcher(Files.readString(source));
                while (m.find()) {
                    named++;
                    if (!known.contains(m.group(1))) {
                        unknown.add(source + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(named).as("keys found in the code").isGreaterThan(100);
        assertThat(unknown).isEmpty();
    }

    /**
     * The area {@code validation} holds the codes Spring MVC (a value that does not convert) and Bean Validation
     * (a constraint without a message of its own) look up by their own names.
     */
    private static boolean frameworkCode(String area, String key) {
        return area.equals("validation") && (key.equals("typeMismatch") || key.startsWith("typeMismatch.")
                || key.startsWith("jakarta.validation.constraints."));
    }

    /** Keys of one file: each once, each with a text, each prefixed by its area. */
    private static Set<String> keys(Path file, String area, List<String> problems) throws IOException {
        Set<String> keys = new LinkedHashSet<>();
        String continued = null;
        for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String line = raw.strip();
            if (continued != null) {
                continued = line.endsWith("\\") ? continued : null;
                continue;
            }
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                problems.add(file + ": not a key=text line: " + line);
                continue;
            }
            String key = line.substring(0, eq).strip();
            if (!keys.add(key)) {
                problems.add(file + ": " + key + " twice");
            }
            String text = line.substring(eq + 1);
            if (text.isBlank()) {
                problems.add(file + ": " + key + " has no text");
            }
            // MessageFormat: with arguments an apostrophe is written twice, without them it is shown as written.
            boolean pattern = ARGUMENT.matcher(text).find();
            if (pattern && text.replace("''", "").contains("'")) {
                problems.add(file + ": " + key + " has arguments, so its apostrophe must be written twice ('')");
            }
            if (!pattern && text.contains("''")) {
                problems.add(file + ": " + key + " has no arguments, so '' would be shown as two apostrophes");
            }
            if (!key.startsWith(area + ".") && !frameworkCode(area, key)) {
                problems.add(file + ": " + key + " is not prefixed by its area " + area + ".");
            }
            if (line.endsWith("\\")) {
                continued = key;
            }
        }
        return keys;
    }

    @Test
    void noTemplateHoldsLiteralText() throws IOException {
        List<String> problems = new ArrayList<>();
        List<Path> templates;
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            templates = files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        assertThat(templates).isNotEmpty();
        DOMMarkupParser parser = new DOMMarkupParser(ParseConfiguration.htmlConfiguration());
        for (Path template : templates) {
            try (Reader reader = Files.newBufferedReader(template, StandardCharsets.UTF_8)) {
                Document document = parser.parse(template.toString(), reader);
                scan(document, TEMPLATES.relativize(template).toString(), problems);
            } catch (org.attoparser.ParseException e) {
                problems.add(template + ": " + e.getMessage());
            }
        }
        assertThat(problems).as("literal texts in templates: put them in i18n/<area>.properties and use #{…}")
                .isEmpty();
    }

    private static void scan(INestableNode parent, String template, List<String> problems) {
        for (INode node : parent.getChildren()) {
            if (node instanceof Text text) {
                String content = text.getContent().strip();
                if (WORD.matcher(content).find()) {
                    problems.add(template + ":" + text.getCol() + " text \"" + shorten(content) + "\"");
                }
            } else if (node instanceof Element element) {
                String name = element.getElementName().toLowerCase(Locale.ROOT);
                // A strict Content-Security-Policy (issue 15) runs no inline script: scripts live in static/js.
                if ("script".equals(name) && !element.hasAttribute("src") && !element.hasAttribute("th:src")) {
                    problems.add(template + ":" + element.getCol() + " inline <script>: move it to static/js");
                }
                element.getAttributeMap().keySet().stream().map(a -> a.toLowerCase(Locale.ROOT))
                        .filter(a -> a.startsWith("on") || a.startsWith("th:on") || a.startsWith("data-th-on"))
                        .forEach(a -> problems.add(template + ":" + element.getCol() + " " + a
                                + "= handler: attach it from a script in static/js"));
                element.getAttributeMap().forEach((attribute, value) -> {
                    // Words inside an expression ('… · Ratelink admin') are literal text too.
                    if (SHOWN_EXPRESSIONS.contains(attribute.toLowerCase(Locale.ROOT)) && value != null) {
                        var literal = QUOTED.matcher(value);
                        while (literal.find()) {
                            if (PHRASE.matcher(literal.group(1)).find()) {
                                problems.add(template + ":" + element.getCol() + " " + attribute + " literal '"
                                        + shorten(literal.group(1)) + "'");
                            }
                        }
                    }
                    // A prototype value that th:alt (or th:attr) replaces is shown to nobody.
                    boolean computed = element.hasAttribute("th:" + attribute)
                            || (element.getAttributeValue("th:attr") != null
                                && element.getAttributeValue("th:attr").contains(attribute + "="));
                    if (READ_ATTRIBUTES.contains(attribute.toLowerCase(Locale.ROOT)) && value != null && !computed
                            && WORD.matcher(value).find()) {
                        problems.add(template + ":" + element.getCol() + " " + attribute + "=\"" + shorten(value) + "\"");
                    }
                    // A <button>'s value is sent, not shown; an <input type=submit>'s value is its label.
                    if ("value".equals(attribute) && isButtonInput(element)
                            && value != null && WORD.matcher(value).find()) {
                        problems.add(template + ":" + element.getCol() + " value=\"" + shorten(value) + "\"");
                    }
                });
                // An element whose content Thymeleaf replaces shows its prototype text to nobody, unless it hands
                // its own parts to the fragment (the page layout's ~{::main}): those are shown.
                boolean replaced = REPLACING.stream().anyMatch(element::hasAttribute) && !handsOwnParts(element);
                if (!NOT_LANGUAGE.contains(name) && !replaced) {
                    scan(element, template, problems);
                }
            }
        }
    }

    private static boolean handsOwnParts(Element element) {
        for (String attribute : List.of("th:replace", "th:insert", "data-th-replace", "data-th-insert")) {
            String value = element.getAttributeValue(attribute);
            if (value != null && value.contains("~{::")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isButtonInput(Element element) {
        String type = element.getAttributeValue("type");
        return "input".equalsIgnoreCase(element.getElementName()) && type != null
                && (type.equalsIgnoreCase("submit") || type.equalsIgnoreCase("button") || type.equalsIgnoreCase("reset"));
    }

    private static String shorten(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() > 60 ? oneLine.substring(0, 60) + "…" : oneLine;
    }
}
