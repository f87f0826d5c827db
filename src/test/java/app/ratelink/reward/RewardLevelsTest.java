package app.ratelink.reward;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import app.ratelink.system.Setting;

class RewardLevelsTest {

    @Test
    void parsedInAnyOrderAndWrittenBackAscendingInPlainDecimals() {
        RewardLevels levels = RewardLevels.parse(" 5000:20 ,0:10,1000.50:12.5");
        assertThat(levels.text()).isEqualTo("0:10, 1000.5:12.5, 5000:20");
        assertThat(RewardLevels.parse(levels.text()).text()).isEqualTo(levels.text());
        assertThat(RewardLevels.parse("").text()).isEmpty();
    }

    @ParameterizedTest(name = "turnover {0}: {1}% now, next {2}")
    @CsvSource(nullValues = "-", value = {
            "0,       10, 1000.5:12.5",
            "1000.49, 10, 1000.5:12.5",
            "1000.5,  12.5, 5000:20",
            "4999.99, 12.5, 5000:20",
            "5000,    20, -",
            "1000000, 20, -"})
    void theLevelReachedAndTheNextOne(String turnover, String percent, String next) {
        RewardLevels levels = RewardLevels.parse("0:10, 1000.50:12.5, 5000:20");
        BigDecimal t = new BigDecimal(turnover);
        assertThat(levels.percentFor(t)).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo(percent));
        assertThat(levels.next(t).map(l -> l.turnoverUsd().stripTrailingZeros().toPlainString() + ":"
                + l.percent().stripTrailingZeros().toPlainString()).orElse(null)).isEqualTo(next);
    }

    @Test
    void belowTheFirstThresholdNoLevelIsReached() {
        RewardLevels levels = RewardLevels.parse("100:20");
        assertThat(levels.percentFor(new BigDecimal("99.99"))).isEmpty();
        assertThat(levels.next(new BigDecimal("99.99")).orElseThrow().percent()).isEqualByComparingTo("20");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0:10", "0:10, 1000:12.5,5000:20", "0:0", "0:100", "250.75:15"})
    void theSettingAcceptsLevelTables(String text) {
        assertThat(Setting.REWARD_LEVELS.accepts(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0:101", "0:10, 0:20", "0:10, 0.00:20", "-1:10", "0:-1", "1e3:10", "0:10,", "10%", "a:b"})
    void theSettingRefusesPercentsAbove100ThresholdsTwiceAndJunk(String text) {
        assertThat(Setting.REWARD_LEVELS.accepts(text)).isFalse();
    }
}
