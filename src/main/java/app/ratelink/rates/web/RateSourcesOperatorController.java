package app.ratelink.rates.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;

import app.ratelink.operatorapi.OperatorApi;
import app.ratelink.rates.RatePoller;
import app.ratelink.rates.RateSource;
import app.ratelink.rates.RateSourceChange;
import app.ratelink.rates.RateSources;
import app.ratelink.rates.SourceValue;
import app.ratelink.rates.StaleDirection;
import app.ratelink.system.NotFoundException;

/**
 * Rate sources in the operator API: {@code PUT /rate-sources/{code}} {@code {type, url, intervalSeconds,
 * maxAgeSeconds, maxJumpPercent}} (and optionally {@code timeoutSeconds}, {@code jsonPath}), the list with
 * last values, last success and last error, accepting a held jump, which node polls, and the directions out
 * because of a stale source.
 */
@OperatorApi
@RequestMapping("/api/operator/v1")
class RateSourcesOperatorController {

    private final RateSources sources;
    private final RatePoller poller;
    private final Clock clock;

    RateSourcesOperatorController(RateSources sources, RatePoller poller, Clock clock) {
        this.sources = sources;
        this.poller = poller;
        this.clock = clock;
    }

    record ValueView(BigDecimal value, Instant acceptedAt, BigDecimal held, int heldCount, Instant heldSince) {
    }

    record SourceView(String code, String type, String url, String jsonPath, int intervalSeconds, int timeoutSeconds,
                      int maxAgeSeconds, BigDecimal maxJumpPercent, boolean stale, Instant lastPolledAt,
                      Instant lastSuccessAt, String lastError, Instant lastErrorAt, Map<String, ValueView> values) {
    }

    @GetMapping("/rate-sources")
    List<SourceView> list() {
        return sources.all().stream().map(this::view).toList();
    }

    @GetMapping("/rate-sources/{code}")
    SourceView get(@PathVariable String code) {
        return sources.source(code).map(this::view).orElseThrow(() -> new NotFoundException("No rate source " + code));
    }

    @PutMapping("/rate-sources/{code}")
    SourceView save(@PathVariable String code, @RequestBody RateSourceChange change) {
        return view(sources.save(code, change));
    }

    /** Accepts the source's held jumps at once instead of waiting for three agreeing polls. */
    @PostMapping("/rate-sources/{code}/accept")
    Map<String, Object> accept(@PathVariable String code) {
        return Map.of("accepted", sources.acceptHeld(code));
    }

    @GetMapping("/rate-poller")
    Map<String, Object> poller() {
        return poller.lease();
    }

    @GetMapping("/stale-directions")
    List<StaleDirection> staleDirections() {
        return sources.staleDirections();
    }

    private SourceView view(RateSource s) {
        Map<String, ValueView> values = new LinkedHashMap<>();
        for (SourceValue v : sources.values(s.code()).values()) {
            values.put(v.key(), new ValueView(v.value(), v.acceptedAt(), v.held(), v.heldCount(), v.heldSince()));
        }
        return new SourceView(s.code(), s.type().code(), s.url(), s.jsonPath(), s.intervalSeconds(), s.timeoutSeconds(),
                s.maxAgeSeconds(), s.maxJumpPercent(), s.stale(clock.instant()), s.lastPolledAt(), s.lastSuccessAt(),
                s.lastError(), s.lastErrorAt(), values);
    }
}
