package app.ratelink.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import app.ratelink.catalog.Currency;
import app.ratelink.catalog.Direction;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads each format back with a real parser (the JDK's XML parser, Jackson) and checks every number
 * against the catalogue: the rate never promises the client more than the direction gives, reserves
 * and limits are the catalogue's, and only the directions that should be listed are.
 */
class FeedParsedTest {

    record Parsed(String from, String to, BigDecimal in, BigDecimal out, BigDecimal amount, String city) {
    }

    static final Map<String, Currency> CURRENCIES = FeedCatalogFixture.CURRENCIES.stream()
            .collect(Collectors.toMap(Currency::code, Function.identity()));

    static Direction direction(String from, String to) {
        return FeedCatalogFixture.DIRECTIONS.stream().filter(d -> d.from().equals(from) && d.to().equals(to))
                .findFirst().orElseThrow();
    }

    static void checkAgainstCatalogue(List<Parsed> items) {
        assertThat(items).extracting(p -> p.from() + ">" + p.to()).containsExactlyInAnyOrder(
                "BTC>PMUSD", "BTC>SBERRUB", "PMUSD>BTC", "PMUSD>CASHUSD", "PMUSD>CASHUSD", "USDTTRC20>BTC");
        for (Parsed p : items) {
            Direction d = direction(p.from(), p.to());
            assertThat(p.in().compareTo(BigDecimal.ONE) == 0 || p.out().compareTo(BigDecimal.ONE) == 0)
                    .as("smaller side is 1 in %s", p).isTrue();
            BigDecimal promised = p.out().divide(p.in(), MathContext.DECIMAL128);
            assertThat(promised).as("never more than the direction gives: %s", p).isLessThanOrEqualTo(d.price());
            assertThat(d.price().subtract(promised).divide(d.price(), MathContext.DECIMAL128))
                    .as("and no more than rounding less: %s", p).isLessThan(new BigDecimal("0.00000002"));
            assertThat(p.amount()).isEqualByComparingTo(CURRENCIES.get(p.to()).reserve().setScale(
                    CURRENCIES.get(p.to()).scale(), java.math.RoundingMode.DOWN));
        }
        assertThat(items).filteredOn(p -> p.city() != null).extracting(Parsed::city).containsExactly("MSK", "SPB");
    }

    @Test
    void bothXmlFlavoursParseAndAgreeWithTheCatalogue() throws Exception {
        for (XmlFlavour flavour : XmlFlavour.values()) {
            String xml = FeedGoldenTest.render(FeedFormat.XML, flavour);
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
            NodeList nodes = doc.getDocumentElement().getElementsByTagName("item");
            List<Parsed> items = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                Element e = (Element) nodes.item(i);
                items.add(new Parsed(text(e, "from"), text(e, "to"), new BigDecimal(text(e, "in")),
                        new BigDecimal(text(e, "out")), new BigDecimal(text(e, "amount")), text(e, "city")));
                Direction d = direction(text(e, "from"), text(e, "to"));
                String unit = CURRENCIES.get(d.from()).unit();
                assertThat(text(e, "minamount")).isEqualTo(d.minAmount().stripTrailingZeros().toPlainString() + " " + unit);
                if (flavour == XmlFlavour.EREF_1_1) {
                    assertThat(new BigDecimal(text(e, "frommax"))).isEqualByComparingTo(d.maxAmount());
                    assertThat(new BigDecimal(text(e, "tomin")))
                            .isLessThanOrEqualTo(d.minAmount().multiply(d.price()));
                }
            }
            checkAgainstCatalogue(items);
        }
    }

    @Test
    void jsonParsesWithTheXrSignConvention() {
        JsonNode root = JsonMapper.builder().build().readTree(FeedGoldenTest.render(FeedFormat.JSON, XmlFlavour.CLASSIC));
        assertThat(root.get("version").asString()).isEqualTo("1.3");
        JsonNode list = root.get("currencies").get("list");
        JsonNode amounts = root.get("currencies").get("amounts");
        List<Parsed> items = new ArrayList<>();
        for (var from : root.get("exchange").properties()) {
            for (var to : from.getValue().get("to").properties()) {
                JsonNode line = to.getValue();
                BigDecimal xr = line.get("xr").decimalValue();
                assertThat(line.get("xr").isNumber()).isTrue();
                assertThat(line.get("amount").isString()).isTrue();
                assertThat(line.get("amount").asString()).isEqualTo(amounts.get(to.getKey()).asString());
                BigDecimal in = xr.signum() > 0 ? xr : BigDecimal.ONE;
                BigDecimal out = xr.signum() > 0 ? BigDecimal.ONE : xr.negate();
                String fromCode = list.get(from.getKey()).asString();
                String toCode = list.get(to.getKey()).asString();
                BigDecimal amount = new BigDecimal(line.get("amount").asString());
                JsonNode cities = line.get("cities");
                if (cities == null) {
                    items.add(new Parsed(fromCode, toCode, in, out, amount, null));
                } else {
                    cities.forEach(c -> items.add(new Parsed(fromCode, toCode, in, out, amount, c.asString())));
                }
            }
        }
        checkAgainstCatalogue(items);
    }

    @Test
    void txtParsesAsSemicolonLines() {
        List<Parsed> items = new ArrayList<>();
        for (String line : FeedGoldenTest.render(FeedFormat.TXT, XmlFlavour.CLASSIC).split("\n")) {
            String[] f = line.split(";", -1);
            assertThat(f[f.length - 1]).isEmpty();
            items.add(new Parsed(f[0], f[1], new BigDecimal(f[2]), new BigDecimal(f[3]), new BigDecimal(f[4]),
                    f.length == 7 ? f[5] : null));
        }
        checkAgainstCatalogue(items);
    }

    @Test
    void aliasesRenameCodesForOneMonitoring() {
        List<FeedLine> lines = FeedLines.of(FeedCatalogFixture.CURRENCIES, FeedCatalogFixture.DIRECTIONS,
                FeedCatalogFixture.profile(XmlFlavour.CLASSIC, Map.of("PMUSD", "PM", "USDTTRC20", "USDTTRC")));
        assertThat(FeedWriters.txt(lines)).contains("PM;BTC;65500;1;3.5;", "USDTTRC;BTC;", "BTC;PM;")
                .doesNotContain("PMUSD", "USDTTRC20");
    }

    private static String text(Element item, String name) {
        NodeList n = item.getElementsByTagName(name);
        return n.getLength() == 0 ? null : n.item(0).getTextContent();
    }
}
