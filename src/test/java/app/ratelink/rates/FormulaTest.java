package app.ratelink.rates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FormulaTest {

    private static final Map<SourceRef, BigDecimal> VALUES = Map.of(
            new SourceRef("binance", "BTCUSDT.bid"), new BigDecimal("65000"),
            new SourceRef("binance", "BTCUSDT.ask"), new BigDecimal("65010"),
            new SourceRef("cbr", "USD"), new BigDecimal("92.5"),
            new SourceRef("ecb", "USD"), new BigDecimal("1.0856"));

    private static BigDecimal eval(String text) {
        return Formula.parse(text).evaluate(VALUES::get);
    }

    @Test
    void examplesOfTheIssue() {
        assertThat(eval("binance:BTCUSDT.bid * 0.985")).isEqualByComparingTo("64025");
        assertThat(eval("0.98 / binance:BTCUSDT.ask")).isEqualByComparingTo(
                new BigDecimal("0.98").divide(new BigDecimal("65010"), Formula.MATH));
        assertThat(eval("cbr:USD")).isEqualByComparingTo("92.5");
        assertThat(eval("cbr:USD * ecb:USD")).isEqualByComparingTo("100.418");
    }

    @Test
    void precedenceParenthesesAndUnaryMinus() {
        assertThat(eval("1 + 2 * 3")).isEqualByComparingTo("7");
        assertThat(eval("(1 + 2) * 3")).isEqualByComparingTo("9");
        assertThat(eval("10 - 4 - 3")).isEqualByComparingTo("3");
        assertThat(eval("12 / 4 / 3")).isEqualByComparingTo("1");
        assertThat(eval("-(2 - 5)")).isEqualByComparingTo("3");
        assertThat(eval("  cbr:USD*(1-0.02)  ")).isEqualByComparingTo("90.65");
    }

    @Test
    void namesItsReferences() {
        assertThat(Formula.parse("binance:BTCUSDT.bid * 0.985 / cbr:USD").references())
                .containsExactly(new SourceRef("binance", "BTCUSDT.bid"), new SourceRef("cbr", "USD"));
    }

    @Test
    void syntaxErrorsSayWhereAndWhat() {
        assertThatThrownBy(() -> Formula.parse("binance:BTCUSDT.bid *")).isInstanceOf(FormulaException.class)
                .hasMessageContaining("syntax error at position 22");
        assertThatThrownBy(() -> Formula.parse("(1 + 2")).hasMessageContaining("')' expected");
        assertThatThrownBy(() -> Formula.parse("binance BTCUSDT")).hasMessageContaining("':' expected after the source code 'binance'");
        assertThatThrownBy(() -> Formula.parse("1 + + 2")).hasMessageContaining("found '+'");
        assertThatThrownBy(() -> Formula.parse("2 3")).hasMessageContaining("unexpected '3'");
        assertThatThrownBy(() -> Formula.parse("cbr:")).hasMessageContaining("a value key expected");
        assertThatThrownBy(() -> Formula.parse("1.")).hasMessageContaining("digits expected after '.'");
        assertThatThrownBy(() -> Formula.parse("Math.exit(1)")).hasMessageContaining("found 'M'");
        assertThatThrownBy(() -> Formula.parse(" ")).hasMessageContaining("empty");
        assertThatThrownBy(() -> Formula.parse("-".repeat(60) + "1")).hasMessageContaining("nested too deeply");
    }

    @Test
    void missingValuesAndDivisionByZeroAreEvaluationErrors() {
        assertThatThrownBy(() -> eval("binance:ETHUSDT.bid")).hasMessageContaining("no value for binance:ETHUSDT.bid");
        assertThatThrownBy(() -> eval("1 / (cbr:USD - 92.5)")).hasMessageContaining("division by zero");
    }
}
