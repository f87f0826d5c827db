package app.ratelink.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import app.ratelink.system.SettingsFixtures;
import app.ratelink.testing.Engine;

/** The catalogue against a real database, on H2 and on PostgreSQL. */
class CatalogTest {

    private final List<Object> events = new ArrayList<>();

    private Catalog catalog(Engine engine) {
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        return new Catalog(new CatalogRepository(engine.jdbc(), new org.springframework.jdbc.core.JdbcTemplate(engine.dataSource())), clock, events::add,
                SettingsFixtures.audit(engine, clock));
    }

    static CurrencyChange currency(String name, String unit, int scale) {
        return new CurrencyChange(name, unit, scale, new BigDecimal("1000"), BigDecimal.ONE, true, false,
                BigDecimal.ZERO, "Pay to U123", "", List.of());
    }

    static DirectionChange direction(String in, String out) {
        return new DirectionChange(new BigDecimal(in), new BigDecimal(out), new BigDecimal("10"),
                new BigDecimal("5000"), new BigDecimal("2"), List.of("manual"), List.of(), true,
                null, "0.5%", "2", null, null);
    }

    @ParameterizedTest
    @MethodSource("app.ratelink.testing.Engine#all")
    void storesCurrenciesAndDirectionsWithEveryField(Engine engine) {
        Catalog catalog = catalog(engine);
        catalog.saveCurrency("PMUSD", currency("Perfect Money USD", "USD", 2));
        catalog.saveCurrency("BTC", new CurrencyChange("Bitcoin", "BTC", 8, new BigDecimal("3.5"),
                new BigDecimal("65000"), true, true, new BigDecimal("1.5"), "", "^[13b][a-zA-Z0-9]{25,61}$",
                List.of("XBT")));
        Direction d = catalog.saveDirection("PMUSD", "BTC", direction("65500", "1"));

        assertThat(d.rateIn()).isEqualByComparingTo("65500");
        assertThat(d.rateIn().toString()).isEqualTo("65500");
        assertThat(d.fromFee()).isEqualTo(new Fee(new BigDecimal("0.5"), true));
        assertThat(d.toFee()).isEqualTo(new Fee(new BigDecimal("2"), false));
        assertThat(d.flags()).containsExactly(DirectionFlag.MANUAL);
        Currency btc = catalog.currency("BTC").orElseThrow();
        assertThat(btc.reserve().toPlainString()).isEqualTo("3.5");
        assertThat(btc.aliases()).containsExactly("XBT");
        assertThat(catalog.activeCurrency("xbt")).map(Currency::code).contains("BTC");
        assertThat(catalog.activeCurrency("pmusd")).map(Currency::code).contains("PMUSD");
        assertThat(catalog.activeDirection("PMUSD", "BTC")).isPresent();
        assertThat(catalog.revision().number()).isEqualTo(3);
        assertThat(events).hasSize(3);
    }

    @ParameterizedTest
    @MethodSource("app.ratelink.testing.Engine#all")
    void refusesInvalidInputNamingTheField(Engine engine) {
        Catalog catalog = catalog(engine);
        assertThatThrownBy(() -> catalog.saveCurrency("pm-usd", currency("x", "USD", 2)))
                .isInstanceOf(InvalidCatalogChangeException.class).extracting("field").isEqualTo("code");
        assertThatThrownBy(() -> catalog.saveCurrency("PMUSD", currency("x", "USD", 19)))
                .extracting("field").isEqualTo("scale");
        catalog.saveCurrency("PMUSD", currency("PM", "USD", 2));
        catalog.saveCurrency("BTC", currency("BTC", "BTC", 8));
        assertThatThrownBy(() -> catalog.saveDirection("PMUSD", "BTC", direction("0", "1")))
                .extracting("field").isEqualTo("in");
        assertThatThrownBy(() -> catalog.saveDirection("PMUSD", "BTC", new DirectionChange(BigDecimal.ONE,
                BigDecimal.ONE, new BigDecimal("100"), new BigDecimal("10"), null, null, null, null, null, null,
                null, null, null))).extracting("field").isEqualTo("maxAmount");
        assertThat(catalog.directions()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("app.ratelink.testing.Engine#all")
    void bulkRateUpdateIsAllOrNothing(Engine engine) {
        Catalog catalog = catalog(engine);
        catalog.saveCurrency("PMUSD", currency("PM", "USD", 2));
        catalog.saveCurrency("BTC", currency("BTC", "BTC", 8));
        catalog.saveDirection("PMUSD", "BTC", direction("65500", "1"));
        catalog.saveDirection("BTC", "PMUSD", direction("1", "64000"));

        assertThatThrownBy(() -> engine.transactions().executeWithoutResult(tx -> catalog.updateRates(List.of(
                new RateChange("PMUSD", "BTC", new BigDecimal("66000"), BigDecimal.ONE, null),
                new RateChange("BTC", "NOPE", BigDecimal.ONE, BigDecimal.ONE, null)))))
                .extracting("field").isEqualTo("[1].from");
        assertThat(catalog.direction("PMUSD", "BTC").orElseThrow().rateIn()).isEqualByComparingTo("65500");

        engine.transactions().executeWithoutResult(tx -> catalog.updateRates(List.of(
                new RateChange("PMUSD", "BTC", new BigDecimal("66000"), BigDecimal.ONE, new BigDecimal("2.5")),
                new RateChange("BTC", "PMUSD", BigDecimal.ONE, new BigDecimal("63000"), null))));
        assertThat(catalog.direction("PMUSD", "BTC").orElseThrow().rateIn()).isEqualByComparingTo("66000");
        assertThat(catalog.direction("BTC", "PMUSD").orElseThrow().rateOut()).isEqualByComparingTo("63000");
        assertThat(catalog.currency("BTC").orElseThrow().reserve()).isEqualByComparingTo("2.5");
    }
}
