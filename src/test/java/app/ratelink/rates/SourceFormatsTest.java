package app.ratelink.rates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Each source type against an answer recorded from its public documentation (test resources rates/). */
class SourceFormatsTest {

    static byte[] recorded(String name) {
        try (InputStream in = SourceFormatsTest.class.getResourceAsStream("/rates/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void binanceBookTicker() {
        Map<String, BigDecimal> v = SourceFormats.parse(RateSourceType.BINANCE, recorded("binance-bookTicker.json"), "");
        assertThat(v.get("BTCUSDT.bid")).isEqualByComparingTo("65000");
        assertThat(v.get("BTCUSDT.ask")).isEqualByComparingTo("65010");
        assertThat(v.get("BTCUSDT.mid")).isEqualByComparingTo("65005");
        assertThat(v.get("LTCBTC.bid")).isEqualByComparingTo("0.001123");
        // One symbol (…/bookTicker?symbol=BTCUSDT) answers an object, not an array.
        Map<String, BigDecimal> one = SourceFormats.parse(RateSourceType.BINANCE,
                "{\"symbol\":\"ETHBTC\",\"bidPrice\":\"0.05\",\"bidQty\":\"1\",\"askPrice\":\"0.051\",\"askQty\":\"2\"}"
                        .getBytes(StandardCharsets.UTF_8), "");
        assertThat(one).containsKeys("ETHBTC.bid", "ETHBTC.ask");
    }

    @Test
    void krakenTicker() {
        Map<String, BigDecimal> v = SourceFormats.parse(RateSourceType.KRAKEN, recorded("kraken-ticker.json"), "");
        assertThat(v.get("XXBTZUSD.ask")).isEqualByComparingTo("64990.1");
        assertThat(v.get("XXBTZUSD.bid")).isEqualByComparingTo("64990");
        assertThat(v.get("XETHZUSD.last")).isEqualByComparingTo("3399.45");
        assertThatThrownBy(() -> SourceFormats.parse(RateSourceType.KRAKEN,
                "{\"error\":[\"EQuery:Unknown asset pair\"]}".getBytes(StandardCharsets.UTF_8), ""))
                .hasMessageContaining("EQuery:Unknown asset pair");
    }

    @Test
    void centralBankOfRussiaInWindows1251WithNominals() {
        Map<String, BigDecimal> v = SourceFormats.parse(RateSourceType.CBR, recorded("cbr-daily.xml"), "");
        assertThat(v.get("USD")).isEqualByComparingTo("92.5021");
        assertThat(v.get("EUR")).isEqualByComparingTo("100.3145");
        assertThat(v.get("AMD")).isEqualByComparingTo("0.23874"); // 23,8740 for 100 drams
    }

    @Test
    void ecbReferenceRates() {
        Map<String, BigDecimal> v = SourceFormats.parse(RateSourceType.ECB, recorded("ecb-daily.xml"), "");
        assertThat(v).containsOnlyKeys("USD", "JPY", "GBP", "CHF");
        assertThat(v.get("USD")).isEqualByComparingTo("1.0856");
    }

    @Test
    void bestchangeRateFileOnePairPerDirection() {
        Map<String, BigDecimal> v = SourceFormats.parse(RateSourceType.BESTCHANGE, recorded("bestchange-rates.xml"), "");
        assertThat(v.get("PMUSD_BTC")).isEqualByComparingTo(BigDecimal.ONE.divide(new BigDecimal("65500"), Formula.MATH));
        assertThat(v.get("BTC_CASHUSD")).isEqualByComparingTo("64000");
        assertThat(v.get("BTC_CASHUSD.amount")).isEqualByComparingTo("150000");
        assertThat(v.get("PMUSD_BTC.in")).isEqualByComparingTo("65500");
    }

    @Test
    void genericJsonUnderAPath() {
        Map<String, BigDecimal> v = SourceFormats.parse(RateSourceType.JSON, recorded("json-prices.json"), "$.data.prices");
        assertThat(v).containsOnlyKeys("bitcoin.usd", "bitcoin.rub", "tether.usd");
        assertThat(v.get("bitcoin.rub")).isEqualByComparingTo("6012345.25");
        assertThat(v.get("tether.usd")).isEqualByComparingTo("1.0002"); // exact, not a double
        Map<String, BigDecimal> one = SourceFormats.parse(RateSourceType.JSON, recorded("json-prices.json"),
                "$['data']['prices']['bitcoin'].usd");
        assertThat(one).containsOnlyKeys("value");
        assertThat(one.get("value")).isEqualByComparingTo("65000.5");
        assertThatThrownBy(() -> SourceFormats.parse(RateSourceType.JSON, recorded("json-prices.json"), "$.data.nothing"))
                .hasMessageContaining("nothing at");
        assertThatThrownBy(() -> JsonPath.check("$..price")).hasMessageContaining("not understood");
    }

    @Test
    void garbageAndEntitiesAreRefused() {
        assertThatThrownBy(() -> SourceFormats.parse(RateSourceType.ECB, "<html>".getBytes(StandardCharsets.UTF_8), ""))
                .hasMessageContaining("not XML");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<rates><item><from>A1</from><to>B1</to><in>1</in><out>&x;</out></item></rates>";
        assertThatThrownBy(() -> SourceFormats.parse(RateSourceType.BESTCHANGE, xxe.getBytes(StandardCharsets.UTF_8), ""))
                .hasMessageContaining("not XML");
        assertThatThrownBy(() -> SourceFormats.parse(RateSourceType.BINANCE, "[]".getBytes(StandardCharsets.UTF_8), ""))
                .hasMessageContaining("no rates");
    }
}
