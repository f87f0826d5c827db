package app.ratelink.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one place amounts are rounded: scale, direction, arithmetic and currencies that must not mix. */
class MoneyTest {

    @ParameterizedTest(name = "{0} at scale {1}: down {2}, up {3}")
    @CsvSource({
            "1.239,          2,  1.23,        1.24",
            "1.231,          2,  1.23,        1.24",
            "1.23,           2,  1.23,        1.23",
            "-1.239,         2,  -1.23,       -1.24",
            "0.000000019,    8,  0.00000001,  0.00000002",
            "123.9,          0,  123,         124",
            "0.004,          2,  0,           0.01",
            "1.0000000000000000009, 18, 1,    1.000000000000000001"})
    void roundsDownTowardsZeroAndUpAwayFromZeroAtTheCurrencysScale(String amount, int scale, String down, String up) {
        Money m = Money.of(amount, "BTC");
        assertThat(m.down(scale).amount()).isEqualByComparingTo(down);
        assertThat(m.down(scale).amount().scale()).isEqualTo(scale);
        assertThat(m.up(scale).amount()).isEqualByComparingTo(up);
        assertThat(m.down(scale).currency()).isEqualTo("BTC");
    }

    @Test
    void roundedToTakesAnyModeAndKeepsTheCurrency() {
        assertThat(Money.of("2.345", "USD").roundedTo(2, RoundingMode.HALF_UP)).isEqualTo(Money.of("2.35", "USD"));
        assertThat(Money.of("2.345", "USD").roundedTo(2, RoundingMode.HALF_EVEN)).isEqualTo(Money.of("2.34", "USD"));
    }

    @Test
    void arithmeticKeepsFullPrecisionUntilRounded() {
        Money a = Money.of("0.1", "USD");
        Money sum = a.plus(Money.of("0.2", "USD"));
        assertThat(sum).isEqualTo(Money.of("0.3", "USD"));
        assertThat(sum.minus(Money.of("0.5", "USD"))).isEqualTo(Money.of("-0.2", "USD"));
        assertThat(Money.of("10", "USD").times(new BigDecimal("0.333"))).isEqualTo(Money.of("3.33", "USD"));
        assertThat(Money.of("15", "USD").percent(new BigDecimal("98"))).isEqualTo(Money.of("14.7", "USD"));
        assertThat(Money.of("1", "USD").percent(new BigDecimal("0.001")).amount()).isEqualByComparingTo("0.00001");
        assertThat(Money.of("2", "USD").convert(new BigDecimal("0.5"), "EUR")).isEqualTo(Money.of("1", "EUR"));
        assertThat(Money.of("5", "USD").negate()).isEqualTo(Money.of("-5", "USD"));
    }

    @Test
    void equalityIsByValueNotByScale() {
        assertThat(Money.of("1.50", "USD")).isEqualTo(Money.of("1.5", "USD"))
                .hasSameHashCodeAs(Money.of("1.5", "USD"));
        assertThat(Money.of("1.5", "USD")).isNotEqualTo(Money.of("1.5", "EUR"));
        assertThat(Money.of("100.000000000000000000", "USD").normalized().amount().toPlainString()).isEqualTo("100");
        assertThat(Money.of("1E+3", "USD").toPlainString()).isEqualTo("1000");
        assertThat(Money.of("0.00012", "BTC")).hasToString("0.00012 BTC");
    }

    @Test
    void signAndComparison() {
        assertThat(Money.zero("USD").isZero()).isTrue();
        assertThat(Money.of("-0.01", "USD").isNegative()).isTrue();
        assertThat(Money.of("0.01", "USD").isPositive()).isTrue();
        assertThat(Money.of("1", "USD").isLessThan(Money.of("1.01", "USD"))).isTrue();
        assertThat(Money.of("2", "USD").isGreaterThan(Money.of("1.99", "USD"))).isTrue();
    }

    @Test
    void currenciesNeverMix() {
        Money usd = Money.of("1", "USD");
        Money btc = Money.of("1", "BTC");
        assertThatThrownBy(() -> usd.plus(btc)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("USD").hasMessageContaining("BTC");
        assertThatThrownBy(() -> usd.minus(btc)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> usd.compareTo(btc)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> usd.isLessThan(btc)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theBaseCurrencyIsUsdInCentsRoundedDown() {
        assertThat(BaseCurrency.code()).isEqualTo("USD");
        assertThat(BaseCurrency.of(new BigDecimal("3.089")).currency()).isEqualTo("USD");
        assertThat(BaseCurrency.cents(BaseCurrency.of(new BigDecimal("3.089")))).isEqualTo(BaseCurrency.of(new BigDecimal("3.08")));
        assertThat(BaseCurrency.cents(BaseCurrency.of(new BigDecimal("0.009"))).isZero()).isTrue();
        assertThat(BaseCurrency.zero()).isEqualTo(Money.zero("USD"));
        assertThatThrownBy(() -> BaseCurrency.cents(Money.of("1", "BTC"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BaseCurrency.requireBase(Money.of("1", "EUR")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EUR");
    }

    @Test
    void decimalsPrintPlainAndRoundBothWays() {
        assertThat(Decimals.plain(new BigDecimal("1.2300"))).isEqualTo("1.23");
        assertThat(Decimals.plain(new BigDecimal("0E-18"))).isEqualTo("0");
        assertThat(Decimals.down(new BigDecimal("0.129"), 2)).isEqualByComparingTo("0.12");
        assertThat(Decimals.up(new BigDecimal("0.121"), 2)).isEqualByComparingTo("0.13");
        assertThat(Decimals.normalized(null)).isNull();
    }
}
