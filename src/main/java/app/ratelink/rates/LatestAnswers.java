package app.ratelink.rates;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/** Each source's whole last good answer, decoded once per answer on each node (formula checks, previews). */
@Component
class LatestAnswers {

    private final RateSourceRepository repository;
    private final Map<String, Decoded> decoded = new ConcurrentHashMap<>();

    private record Decoded(Instant at, Map<String, BigDecimal> values) {
    }

    LatestAnswers(RateSourceRepository repository) {
        this.repository = repository;
    }

    /** Empty when the source never answered (or its answer was too large to keep whole). */
    Map<String, BigDecimal> of(RateSource source) {
        if (source.lastSuccessAt() == null) {
            return Map.of();
        }
        Decoded d = decoded.get(source.code());
        if (d != null && Objects.equals(d.at(), source.lastSuccessAt())) {
            return d.values();
        }
        Map<String, BigDecimal> values = Map.copyOf(LastValues.decode(repository.lastValues(source.code()).orElse(null)));
        decoded.put(source.code(), new Decoded(source.lastSuccessAt(), values));
        return values;
    }
}
