package app.ratelink.reward;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import app.ratelink.money.BaseCurrency;
import app.ratelink.money.Money;
import app.ratelink.reward.RewardCalculation.Base;

class RewardCalculationTest {

    private static BigDecimal d(String v) {
        return v == null || v.isBlank() ? null : new BigDecimal(v.trim());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // case                          | base   | amountUsd | profit% | dir% | fixed | personal% | levels               | turnover | default% | self  | reward
            "profit base, default level     | PROFIT | 1000      | 5       | -    | -     | -         | 0:10                 | 0        | 10       | false | 5.00",
            "amount base                    | AMOUNT | 1000      | 5       | -    | -     | -         | 0:10                 | 0        | 10       | false | 100.00",
            "direction % wins over all      | PROFIT | 1000      | 5       | 20   | -     | 30        | 0:10                 | 0        | 10       | false | 10.00",
            "personal % wins over levels    | PROFIT | 1000      | 5       | -    | -     | 30        | 0:10                 | 0        | 10       | false | 15.00",
            "level below threshold          | PROFIT | 1000      | 5       | -    | -     | -         | 0:10, 5000:20        | 4999.99  | 10       | false | 5.00",
            "level crossed at threshold     | PROFIT | 1000      | 5       | -    | -     | -         | 0:10, 5000:20        | 5000     | 10       | false | 10.00",
            "highest reached level          | PROFIT | 1000      | 5       | -    | -     | -         | 0:10,5000:20,9000:30 | 20000    | 10       | false | 15.00",
            "default % when no level        | PROFIT | 1000      | 5       | -    | -     | -         | 100:20               | 0        | 7        | false | 3.50",
            "no levels at all               | PROFIT | 1000      | 5       | -    | -     | -         | ''                   | 0        | 7        | false | 3.50",
            "fixed replaces percent         | PROFIT | 1000      | 5       | 20   | 2.5   | 30        | 0:10                 | 0        | 10       | false | 2.50",
            "rounded down to the cent       | PROFIT | 33.33     | 3       | -    | -     | -         | 0:10                 | 0        | 10       | false | 0.09",
            "below one cent not credited    | PROFIT | 1         | 5       | -    | -     | -         | 0:10                 | 0        | 10       | false | 0",
            "exactly one cent credited      | AMOUNT | 1         | 5       | 1    | -     | -         | 0:10                 | 0        | 10       | false | 0.01",
            "self-referral earns nothing    | PROFIT | 1000      | 5       | -    | -     | -         | 0:10                 | 0        | 10       | true  | 0",
            "self-referral, fixed           | PROFIT | 1000      | 5       | -    | 2.5   | -         | 0:10                 | 0        | 10       | true  | 0",
            "crypto amount, exact decimals  | PROFIT | 1234.56789012 | 2.5 | -    | -     | -         | 0:10                 | 0        | 10       | false | 3.08"})
    void table(String name, Base base, String amountUsd, String profit, String direction, String fixed,
               String personal, String levels, String turnover, String defaultPercent, boolean self, String reward) {
        Money result = RewardCalculation.reward(new RewardCalculation.Input(base, d(amountUsd), d(profit),
                d(direction), d(fixed), d(personal), RewardLevels.parse(levels), d(turnover), d(defaultPercent), self));
        assertThat(result.currency()).isEqualTo(BaseCurrency.code());
        assertThat(result.amount()).isEqualByComparingTo(reward);
    }
}
