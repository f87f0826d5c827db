package app.ratelink.catalog;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import app.ratelink.system.SettingsFixtures;
import app.ratelink.testing.Engine;

/** The operator is told at once when a pattern cannot be matched in bounded time (backreference, lookaround). */
class AccountPatternSavedTest {

    @ParameterizedTest
    @MethodSource("app.ratelink.testing.Engine#all")
    void aPatternRe2CannotRunIsRefused(Engine engine) {
        Clock clock = Clock.systemUTC();
        Catalog catalog = new Catalog(new CatalogRepository(engine.jdbc(), new org.springframework.jdbc.core.JdbcTemplate(engine.dataSource())), clock, event -> { },
                SettingsFixtures.audit(engine, clock));
        CurrencyChange change = new CurrencyChange("Backref", "USD", 2, BigDecimal.TEN, BigDecimal.ONE, true, false,
                BigDecimal.ZERO, "", "^(a)\\1$", List.of());
        assertThatThrownBy(() -> engine.transactions().executeWithoutResult(t -> catalog.saveCurrency("BKREF", change)))
                .isInstanceOf(InvalidCatalogChangeException.class).hasMessageContaining("RE2");
    }
}
