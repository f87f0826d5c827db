package app.ratelink.rates;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.ratelink.catalog.Catalog;
import app.ratelink.catalog.Direction;
import app.ratelink.catalog.RateFormulaCheck;
import app.ratelink.money.Decimals;
import app.ratelink.system.AuditTrail;
import app.ratelink.system.BadRequestException;
import app.ratelink.system.NotFoundException;
import app.ratelink.system.Refusal;

/**
 * The rate sources as the operator manages them, the formula check the catalogue calls on save, the preview
 * of a formula's value, and which directions are out because of a stale source.
 */
@Service
public class RateSources implements RateFormulaCheck {

    public static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{1,31}");
    private static final BigDecimal MAX_JUMP = BigDecimal.valueOf(1000);

    private final RateSourceRepository repository;
    private final LatestAnswers latest;
    private final Formulas formulas;
    private final Catalog catalog;
    private final RatePoller poller;
    private final AuditTrail audit;
    private final Clock clock;

    RateSources(RateSourceRepository repository, LatestAnswers latest, Formulas formulas, Catalog catalog,
                RatePoller poller, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.latest = latest;
        this.formulas = formulas;
        this.catalog = catalog;
        this.poller = poller;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<RateSource> all() {
        return repository.sources();
    }

    @Transactional(readOnly = true)
    public Optional<RateSource> source(String code) {
        return repository.source(code);
    }

    /** The accepted (and held) values of the keys formulas name, by key. */
    @Transactional(readOnly = true)
    public Map<String, SourceValue> values(String code) {
        return new java.util.TreeMap<>(repository.values(code));
    }

    /** The whole last good answer, by key. */
    @Transactional(readOnly = true)
    public Map<String, BigDecimal> lastAnswer(String code) {
        return repository.source(code).map(latest::of).orElse(Map.of());
    }

    @Transactional
    public RateSource save(String code, RateSourceChange change) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new BadRequestException("code", Refusal.of("refusal.rates.code",
                    "code must be 2-32 characters a-z, 0-9, _ starting with a letter"));
        }
        Optional<RateSource> existing = repository.source(code);
        RateSourceType type = change.type() == null ? existing.map(RateSource::type)
                .orElseThrow(() -> new BadRequestException("type", Refusal.of("refusal.rates.type", "type is required: " + types())))
                : RateSourceType.of(change.type()).orElseThrow(() -> new BadRequestException("type",
                        Refusal.of("refusal.rates.type", "type must be one of " + types())));
        String url = change.url() != null ? change.url().trim()
                : existing.filter(e -> e.type() == type).map(RateSource::url).orElse("");
        if (url.isEmpty()) {
            url = type.defaultUrl();
        }
        if (url.isEmpty()) {
            throw new BadRequestException("url", Refusal.of("refusal.rates.urlRequired",
                    "url is required for a " + type.code() + " source"));
        }
        checkUrl(url);
        String jsonPath = change.jsonPath() != null ? change.jsonPath().trim() : existing.map(RateSource::jsonPath).orElse("");
        if (type == RateSourceType.JSON) {
            try {
                JsonPath.check(jsonPath);
            } catch (JsonPath.NotUnderstood e) {
                throw new BadRequestException("jsonPath", Refusal.of("refusal.rates.jsonPath", e.getMessage(), e.rest));
            }
        }
        int interval = between("intervalSeconds", change.intervalSeconds(), existing.map(RateSource::intervalSeconds),
                RateSource.DEFAULT_INTERVAL_SECONDS, 1, 86_400);
        int maxAge = between("maxAgeSeconds", change.maxAgeSeconds(), existing.map(RateSource::maxAgeSeconds),
                RateSource.DEFAULT_MAX_AGE_SECONDS, 1, 7 * 86_400);
        int timeout = between("timeoutSeconds", change.timeoutSeconds(), existing.map(RateSource::timeoutSeconds),
                RateSource.DEFAULT_TIMEOUT_SECONDS, 1, 120);
        BigDecimal maxJump = change.maxJumpPercent() != null ? change.maxJumpPercent()
                : existing.map(RateSource::maxJumpPercent).orElse(RateSource.DEFAULT_MAX_JUMP_PERCENT);
        if (maxJump.signum() <= 0 || maxJump.compareTo(MAX_JUMP) > 0) {
            throw new BadRequestException("maxJumpPercent", Refusal.of("refusal.rates.maxJump",
                    "maxJumpPercent must be above 0 and at most 1000"));
        }
        RateSource next = existing.orElseGet(() -> new RateSource(code, type, "", "", 0, 0, 0, BigDecimal.ZERO,
                        null, null, null, null, null))
                .withConfig(type, url, jsonPath, interval, timeout, maxAge, Decimals.normalized(maxJump));
        Instant now = clock.instant();
        repository.save(next, now);
        if (existing.isPresent() && (existing.get().type() != type || !existing.get().url().equals(url)
                || !existing.get().jsonPath().equals(jsonPath))) {
            repository.forgetValues(code); // another place answers now: its values restart without a jump guard
        }
        audit.record(existing.isPresent() ? "rateSource.update" : "rateSource.create", code,
                existing.map(RateSources::fields).orElse(Map.of()), fields(next));
        poller.recomputeSoon();
        return repository.source(code).orElseThrow();
    }

    /** Accepts every held jump of a source now (an admin saw it is real). Returns how many. */
    @Transactional
    public int acceptHeld(String code) {
        repository.source(code).orElseThrow(() -> new NotFoundException("No rate source " + code));
        Instant now = clock.instant();
        int accepted = 0;
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> after = new LinkedHashMap<>();
        for (SourceValue v : repository.values(code).values()) {
            if (v.isHeld()) {
                before.put(v.key(), v.value());
                after.put(v.key(), v.held());
                repository.saveValue(v.accepted(now), true);
                accepted++;
            }
        }
        if (accepted > 0) {
            audit.record("rateSource.acceptJump", code, before, after);
            poller.recomputeSoon();
        }
        return accepted;
    }

    /** Directions out of the feeds because a source their formula reads is stale (for the operator's lists). */
    @Transactional(readOnly = true)
    public List<StaleDirection> staleDirections() {
        Instant now = clock.instant();
        Set<String> stale = new TreeSet<>();
        for (RateSource s : repository.sources()) {
            if (s.stale(now)) {
                stale.add(s.code());
            }
        }
        List<StaleDirection> result = new ArrayList<>();
        if (stale.isEmpty()) {
            return result;
        }
        for (Direction d : catalog.directions()) {
            if (d.rateFormula() == null) {
                continue;
            }
            try {
                List<String> out = formulas.parse(d.rateFormula()).references().stream().map(SourceRef::source)
                        .filter(stale::contains).distinct().toList();
                if (!out.isEmpty()) {
                    result.add(new StaleDirection(d.from(), d.to(), out));
                }
            } catch (FormulaException e) {
                // not a source problem
            }
        }
        return result;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<BigDecimal> check(String text) {
        try {
            return value(text);
        } catch (FormulaException e) {
            throw new BadRequestException(null, e.refusal());
        }
    }

    /** Parses, names an unknown source or value, and evaluates when every value is known. */
    private Optional<BigDecimal> value(String text) {
        Formula f = formulas.parse(text);
        Map<String, RateSource> sources = new HashMap<>();
        repository.sources().forEach(s -> sources.put(s.code(), s));
        Map<SourceRef, BigDecimal> values = new HashMap<>();
        boolean complete = true;
        for (SourceRef ref : f.references()) {
            RateSource s = sources.get(ref.source());
            if (s == null) {
                String known = String.join(", ", new TreeSet<>(sources.keySet()));
                String why = "unknown rate source '" + ref.source() + "'"
                        + (sources.isEmpty() ? " (no sources yet)" : " (sources: " + known + ")");
                throw sources.isEmpty() ? new FormulaException("refusal.formula.unknownSource.none", why, ref.source())
                        : new FormulaException("refusal.formula.unknownSource", why, ref.source(), known);
            }
            Map<String, BigDecimal> answer = latest.of(s);
            if (answer.isEmpty()) {
                complete = false; // never answered yet: the value is known after its first poll
                continue;
            }
            BigDecimal v = answer.get(ref.key());
            if (v == null) {
                throw new FormulaException("refusal.formula.sourceNoValue",
                        "rate source '" + ref.source() + "' has no value " + ref.key(), ref.source(), ref.key());
            }
            values.put(ref, v);
        }
        if (!complete) {
            return Optional.empty();
        }
        return Optional.of(f.evaluate(values::get));
    }

    /** A formula's current value or the reason it has none, for the admin forms' preview. */
    public record Preview(String value, Refusal error) {
    }

    public Preview preview(String text) {
        if (text == null || text.isBlank()) {
            return new Preview(null, null);
        }
        try {
            return value(text).map(v -> new Preview(Decimals.plain(v.round(new java.math.MathContext(12))), null))
                    .orElse(new Preview(null, null));
        } catch (FormulaException e) {
            return new Preview(null, e.refusal());
        }
    }

    private static void checkUrl(String url) {
        try {
            URI u = URI.create(url);
            if (u.getScheme() == null || !(u.getScheme().equals("http") || u.getScheme().equals("https")) || u.getHost() == null) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("url", Refusal.of("refusal.url", "url must be an http or https address"));
        }
        if (url.length() > 1000) {
            throw new BadRequestException("url", Refusal.of("refusal.tooLong", "url is limited to 1000 characters", 1000));
        }
    }

    private static int between(String field, Integer value, Optional<Integer> existing, int fallback, int min, int max) {
        int v = value != null ? value : existing.orElse(fallback);
        if (v < min || v > max) {
            throw new BadRequestException(field, Refusal.of("refusal.between", field + " must be " + min + "-" + max, min, max));
        }
        return v;
    }

    private static String types() {
        return String.join(", ", java.util.Arrays.stream(RateSourceType.values()).map(RateSourceType::code).toList());
    }

    private static Map<String, Object> fields(RateSource s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", s.type().code());
        m.put("url", s.url());
        m.put("jsonPath", s.jsonPath());
        m.put("intervalSeconds", s.intervalSeconds());
        m.put("timeoutSeconds", s.timeoutSeconds());
        m.put("maxAgeSeconds", s.maxAgeSeconds());
        m.put("maxJumpPercent", s.maxJumpPercent());
        return m;
    }
}
