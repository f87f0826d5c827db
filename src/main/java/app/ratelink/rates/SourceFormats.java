package app.ratelink.rates;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a source's answer into its values by key, as formulas name them ({@code source:KEY}):
 * <ul>
 * <li>Binance {@code /api/v3/ticker/bookTicker}: {@code BTCUSDT.bid}, {@code BTCUSDT.ask}, {@code BTCUSDT.mid}.</li>
 * <li>Kraken {@code /0/public/Ticker}: {@code XXBTZUSD.bid}, {@code .ask}, {@code .last} (the pair names as
 * Kraken writes them).</li>
 * <li>Central Bank of Russia {@code XML_daily.asp}: {@code USD} = roubles per one unit (Value / Nominal).</li>
 * <li>ECB {@code eurofxref-daily.xml}: {@code USD} = units per one euro.</li>
 * <li>A BestChange-format rate file ({@code <rates><item>}): {@code PMUSD_BTC} = out / in (units of to per unit
 * of from), {@code PMUSD_BTC.in}, {@code .out}, {@code .amount} (the reserve).</li>
 * <li>Generic JSON: every number under the source's JSON path, keyed by its path below it
 * ({@code bitcoin.usd}, {@code data.0.price}); a number at the path itself is {@code value}.</li>
 * </ul>
 * Numbers are read as exact decimals; XML is read with external entities and DTDs refused.
 */
final class SourceFormats {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private static final Pattern KEY_PART = Pattern.compile("[A-Za-z0-9_]+");
    private static final int MAX_VALUES = 100_000;

    private SourceFormats() {
    }

    /** @throws IllegalArgumentException with a short reason when the answer is not what the type promises */
    static Map<String, BigDecimal> parse(RateSourceType type, byte[] body, String jsonPath) {
        Map<String, BigDecimal> values = switch (type) {
            case BINANCE -> binance(body);
            case KRAKEN -> kraken(body);
            case CBR -> cbr(body);
            case ECB -> ecb(body);
            case BESTCHANGE -> bestchange(body);
            case JSON -> json(body, jsonPath);
        };
        if (values.isEmpty()) {
            throw new IllegalArgumentException("the answer holds no rates");
        }
        return values;
    }

    private static Map<String, BigDecimal> binance(byte[] body) {
        JsonNode root = readJson(body);
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        Iterable<JsonNode> tickers = root.isArray() ? root.values() : java.util.List.of(root);
        for (JsonNode t : tickers) {
            String symbol = t.path("symbol").asString("");
            BigDecimal bid = decimal(t.path("bidPrice"));
            BigDecimal ask = decimal(t.path("askPrice"));
            if (!KEY_PART.matcher(symbol).matches() || bid == null || ask == null) {
                continue;
            }
            values.put(symbol + ".bid", bid);
            values.put(symbol + ".ask", ask);
            values.put(symbol + ".mid", bid.add(ask).divide(BigDecimal.valueOf(2), Formula.MATH));
        }
        return values;
    }

    private static Map<String, BigDecimal> kraken(byte[] body) {
        JsonNode root = readJson(body);
        JsonNode errors = root.path("error");
        if (errors.isArray() && !errors.isEmpty()) {
            throw new IllegalArgumentException("Kraken error " + errors.get(0).asString(""));
        }
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> pair : root.path("result").properties()) {
            if (!KEY_PART.matcher(pair.getKey()).matches()) {
                continue;
            }
            put(values, pair.getKey() + ".ask", decimal(pair.getValue().path("a").path(0)));
            put(values, pair.getKey() + ".bid", decimal(pair.getValue().path("b").path(0)));
            put(values, pair.getKey() + ".last", decimal(pair.getValue().path("c").path(0)));
        }
        return values;
    }

    private static Map<String, BigDecimal> cbr(byte[] body) {
        Document doc = readXml(body);
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        NodeList valutes = doc.getElementsByTagName("Valute");
        for (int i = 0; i < valutes.getLength(); i++) {
            Element v = (Element) valutes.item(i);
            String code = text(v, "CharCode");
            BigDecimal value = russianDecimal(text(v, "Value"));
            BigDecimal nominal = russianDecimal(text(v, "Nominal"));
            if (code == null || !KEY_PART.matcher(code).matches() || value == null || nominal == null || nominal.signum() <= 0) {
                continue;
            }
            values.put(code, value.divide(nominal, Formula.MATH));
        }
        return values;
    }

    private static Map<String, BigDecimal> ecb(byte[] body) {
        Document doc = readXml(body);
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        NodeList cubes = doc.getElementsByTagNameNS("*", "Cube");
        for (int i = 0; i < cubes.getLength(); i++) {
            Element c = (Element) cubes.item(i);
            String code = c.getAttribute("currency");
            if (!code.isEmpty() && KEY_PART.matcher(code).matches()) {
                put(values, code, decimal(c.getAttribute("rate")));
            }
        }
        return values;
    }

    private static Map<String, BigDecimal> bestchange(byte[] body) {
        Document doc = readXml(body);
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        NodeList items = doc.getElementsByTagName("item");
        for (int i = 0; i < items.getLength(); i++) {
            Element item = (Element) items.item(i);
            String from = text(item, "from");
            String to = text(item, "to");
            BigDecimal in = decimal(text(item, "in"));
            BigDecimal out = decimal(text(item, "out"));
            if (from == null || to == null || !KEY_PART.matcher(from).matches() || !KEY_PART.matcher(to).matches()
                    || in == null || out == null || in.signum() <= 0) {
                continue;
            }
            String key = from + "_" + to;
            if (values.containsKey(key)) {
                continue; // the same pair once per cash city: the first line stands for all
            }
            values.put(key, out.divide(in, Formula.MATH));
            values.put(key + ".rate", out.divide(in, Formula.MATH));
            values.put(key + ".in", in);
            values.put(key + ".out", out);
            put(values, key + ".amount", decimal(text(item, "amount")));
        }
        return values;
    }

    private static Map<String, BigDecimal> json(byte[] body, String jsonPath) {
        JsonNode node = JsonPath.select(readJson(body), jsonPath == null || jsonPath.isBlank() ? "$" : jsonPath);
        if (node == null) {
            throw new IllegalArgumentException("nothing at " + jsonPath);
        }
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        BigDecimal scalar = decimal(node);
        if (scalar != null) {
            values.put("value", scalar);
        } else {
            flatten("", node, values);
        }
        return values;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, BigDecimal> values) {
        if (values.size() >= MAX_VALUES) {
            return;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (KEY_PART.matcher(e.getKey()).matches()) {
                    flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), values);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix.isEmpty() ? String.valueOf(i) : prefix + "." + i, node.get(i), values);
            }
        } else if (!prefix.isEmpty()) {
            put(values, prefix, decimal(node));
        }
    }

    private static void put(Map<String, BigDecimal> values, String key, BigDecimal value) {
        if (value != null) {
            values.put(key, value);
        }
    }

    private static JsonNode readJson(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not JSON");
        }
    }

    private static BigDecimal decimal(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        return node.isString() ? decimal(node.asString()) : null;
    }

    static BigDecimal decimal(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** "16,0102" as the Bank of Russia writes it. */
    private static BigDecimal russianDecimal(String text) {
        return text == null ? null : decimal(text.replace(" ", "").replace(',', '.'));
    }

    private static Document readXml(byte[] body) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            // The encoding comes from the document's declaration (the Bank of Russia answers in windows-1251).
            return b.parse(new ByteArrayInputStream(body));
        } catch (Exception e) {
            throw new IllegalArgumentException("not XML");
        }
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().trim();
    }
}
