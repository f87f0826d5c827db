package app.ratelink.rates;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.ratelink.catalog.DirectionKey;

/** The kept history for charts: a source value's or a direction's price, one point per minute. */
@Service
public class RateHistoryQuery {

    private final RateHistory history;

    RateHistoryQuery(RateHistory history) {
        this.history = history;
    }

    /** One point of a chart. */
    public record Point(Instant at, BigDecimal value) {
    }

    @Transactional(readOnly = true)
    public List<Point> source(String source, String key, Instant since) {
        return history.source(source, key, since).stream().map(p -> new Point(p.at(), p.value())).toList();
    }

    @Transactional(readOnly = true)
    public List<Point> direction(DirectionKey direction, Instant since) {
        return history.direction(direction, since).stream().map(p -> new Point(p.at(), p.value())).toList();
    }
}
