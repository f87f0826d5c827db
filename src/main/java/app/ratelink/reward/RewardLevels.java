package app.ratelink.reward;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import app.ratelink.money.Decimals;

/**
 * The level table: a partner whose cumulative successful turnover (USD) reached a level's threshold earns
 * that level's percent. Parsed from the setting {@code rewardLevels} ("0:10, 1000:12, 10000:15").
 */
public record RewardLevels(List<Level> levels) {

    public record Level(BigDecimal turnoverUsd, BigDecimal percent) {
    }

    public RewardLevels {
        levels = levels.stream().sorted(Comparator.comparing(Level::turnoverUsd)).toList();
    }

    public static RewardLevels parse(String text) {
        List<Level> levels = new ArrayList<>();
        if (text != null) {
            for (String part : text.split(",")) {
                String p = part.trim();
                int colon = p.indexOf(':');
                if (colon > 0) {
                    levels.add(new Level(new BigDecimal(p.substring(0, colon).trim()),
                            new BigDecimal(p.substring(colon + 1).trim())));
                }
            }
        }
        return new RewardLevels(levels);
    }

    /** The canonical setting text: thresholds ascending, plain decimals ("0:10, 1000:12.5"). */
    public String text() {
        return String.join(", ", levels.stream().map(l -> Decimals.plain(l.turnoverUsd()) + ":" + Decimals.plain(l.percent()))
                .toList());
    }

    /** The first level above what the turnover reached: what the partner can reach next. */
    public Optional<Level> next(BigDecimal turnoverUsd) {
        return levels.stream().filter(l -> turnoverUsd.compareTo(l.turnoverUsd()) < 0).findFirst();
    }

    /** The percent of the highest level the turnover reached; empty when it reached none. */
    public Optional<BigDecimal> percentFor(BigDecimal turnoverUsd) {
        BigDecimal percent = null;
        for (Level level : levels) {
            if (turnoverUsd.compareTo(level.turnoverUsd()) >= 0) {
                percent = level.percent();
            }
        }
        return Optional.ofNullable(percent);
    }
}
