package app.ratelink.catalog;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.ratelink.money.Decimals;

/**
 * The exchanger's catalogue: currencies and directions. Every change is validated completely before
 * anything is written, bumps the catalogue revision (so feeds and other nodes notice) and is announced
 * with {@link CatalogChanged}.
 */
import app.ratelink.system.AuditTrail;
import app.ratelink.system.BadRequestException;

@Service
public class Catalog {

    private static final Pattern CITY = Pattern.compile("[A-Z0-9]{2,16}");
    private static final Pattern UNIT = Pattern.compile("[A-Z0-9]{2,10}");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** NUMERIC(38,18): amounts, rates, reserves, fees. */
    static final int AMOUNT_PRECISION = 38;
    static final int AMOUNT_SCALE = 18;
    /** NUMERIC(9,4): percents. */
    static final int PERCENT_PRECISION = 9;
    static final int PERCENT_SCALE = 4;

    private final CatalogRepository repository;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    /** Looked up when a formula is saved: the rates feature depends on the catalogue, not the reverse. */
    private final Supplier<RateFormulaCheck> formulaCheck;

    @Autowired
    Catalog(CatalogRepository repository, Clock clock, ApplicationEventPublisher events, AuditTrail audit,
            ObjectProvider<RateFormulaCheck> formulaCheck) {
        this.repository = repository;
        this.clock = clock;
        this.events = events;
        this.audit = audit;
        this.formulaCheck = formulaCheck::getIfAvailable;
    }

    /** A catalogue without rate formulas (repository tests). */
    Catalog(CatalogRepository repository, Clock clock, ApplicationEventPublisher events, AuditTrail audit) {
        this.repository = repository;
        this.clock = clock;
        this.events = events;
        this.audit = audit;
        this.formulaCheck = () -> null;
    }

    @Transactional(readOnly = true)
    public List<Currency> currencies() {
        return repository.currencies();
    }

    @Transactional(readOnly = true)
    public Optional<Currency> currency(String code) {
        return repository.currency(code);
    }

    @Transactional(readOnly = true)
    public List<Direction> directions() {
        return repository.directions();
    }

    @Transactional(readOnly = true)
    public Optional<Direction> direction(String from, String to) {
        return repository.direction(from, to);
    }

    /** Finds a currency by code or alias, ignoring case; inactive currencies are not found. */
    @Transactional(readOnly = true)
    public Optional<Currency> activeCurrency(String codeOrAlias) {
        if (codeOrAlias == null || codeOrAlias.isBlank() || codeOrAlias.length() > 20) {
            return Optional.empty();
        }
        return repository.codeFor(codeOrAlias.trim().toUpperCase(Locale.ROOT))
                .flatMap(repository::currency)
                .filter(Currency::active);
    }

    /** An active direction between two active currencies. */
    @Transactional(readOnly = true)
    public Optional<Direction> activeDirection(String from, String to) {
        return repository.direction(from, to).filter(Direction::active)
                .filter(d -> repository.currency(d.from()).map(Currency::active).orElse(false))
                .filter(d -> repository.currency(d.to()).map(Currency::active).orElse(false));
    }

    public CatalogRevision revision() {
        return repository.revision();
    }

    @Transactional
    public Currency saveCurrency(String code, CurrencyChange change) {
        if (code == null || !Currency.CODE.matcher(code).matches()) {
            throw InvalidCatalogChangeException.of("code", "refusal.catalog.code", "code must be 2-10 characters A-Z, 0-9");
        }
        Optional<Currency> existing = repository.currency(code);
        Currency c = new Currency(existing.map(Currency::id).orElse(0L), code,
                required("name", change.name(), existing.map(Currency::name)),
                required("unit", change.unit(), existing.map(Currency::unit)),
                required("scale", change.scale(), existing.map(Currency::scale)),
                required("reserve", change.reserve(), existing.map(Currency::reserve)),
                required("usdRate", change.usdRate(), existing.map(Currency::usdRate)),
                orDefault(change.active(), existing.map(Currency::active), true),
                orDefault(change.payoutAllowed(), existing.map(Currency::payoutAllowed), false),
                orDefault(change.payoutFeePercent(), existing.map(Currency::payoutFeePercent), BigDecimal.ZERO),
                orDefault(change.paymentInstructions(), existing.map(Currency::paymentInstructions), ""),
                orDefault(change.accountPattern(), existing.map(Currency::accountPattern), ""),
                aliases(code, change.aliases(), existing.map(Currency::aliases)),
                orDefault(change.reserveAlert(), existing.map(Currency::reserveAlert), BigDecimal.ZERO));
        if (c.name().isBlank() || c.name().length() > 100) {
            throw InvalidCatalogChangeException.of("name", "refusal.catalog.name", "name must be 1-100 characters");
        }
        if (!UNIT.matcher(c.unit()).matches()) {
            throw InvalidCatalogChangeException.of("unit", "refusal.catalog.unit", "unit must be 2-10 characters A-Z, 0-9");
        }
        if (c.scale() < 0 || c.scale() > 18) {
            throw InvalidCatalogChangeException.of("scale", "refusal.catalog.scale", "scale must be 0-18");
        }
        if (c.reserve().signum() < 0) {
            throw InvalidCatalogChangeException.of("reserve", "refusal.negative", "reserve must not be negative");
        }
        requireStorable("reserve", c.reserve(), AMOUNT_PRECISION, AMOUNT_SCALE);
        if (c.reserveAlert().signum() < 0) {
            throw InvalidCatalogChangeException.of("reserveAlert", "refusal.catalog.reserveAlert",
                    "reserveAlert must not be negative (0: no alert)");
        }
        requireStorable("reserveAlert", c.reserveAlert(), AMOUNT_PRECISION, AMOUNT_SCALE);
        requirePositive("usdRate", c.usdRate());
        requireStorable("usdRate", c.usdRate(), AMOUNT_PRECISION, AMOUNT_SCALE);
        requireStorable("payoutFeePercent", c.payoutFeePercent(), PERCENT_PRECISION, PERCENT_SCALE);
        if (c.payoutFeePercent().signum() < 0 || c.payoutFeePercent().compareTo(HUNDRED) >= 0) {
            throw InvalidCatalogChangeException.of("payoutFeePercent", "refusal.catalog.payoutFeePercent",
                    "payoutFeePercent must be 0 to below 100");
        }
        if (c.paymentInstructions().length() > 2000) {
            throw InvalidCatalogChangeException.of("paymentInstructions", "refusal.tooLong",
                    "paymentInstructions is limited to 2000 characters", 2000);
        }
        validatePattern(c.accountPattern());
        Optional<String> formulaBefore = repository.reserveFormula(code);
        String reserveFormula = change.reserveFormula() == null ? formulaBefore.orElse(null)
                : change.reserveFormula().isBlank() ? null : change.reserveFormula().trim();
        if (reserveFormula != null && !reserveFormula.equals(formulaBefore.orElse(null))) {
            Optional<BigDecimal> value = checkFormula("reserveFormula", reserveFormula);
            if (value.isPresent() && value.get().signum() >= 0) {
                c = new Currency(c.id(), c.code(), c.name(), c.unit(), c.scale(),
                        Decimals.down(value.get(), c.scale()), c.usdRate(), c.active(), c.payoutAllowed(),
                        c.payoutFeePercent(), c.paymentInstructions(), c.accountPattern(), c.aliases());
            }
        }
        Instant now = clock.instant();
        repository.saveCurrency(c, now);
        repository.saveReserveFormula(code, reserveFormula);
        changed(now);
        Currency saved = repository.currency(code).orElseThrow();
        Map<String, Object> before = AuditTrail.fields(existing.orElse(null));
        Map<String, Object> after = AuditTrail.fields(saved);
        before.put("reserveFormula", formulaBefore.orElse(null));
        after.put("reserveFormula", reserveFormula);
        audit.record(existing.isPresent() ? "currency.update" : "currency.create", code, before, after);
        return saved;
    }

    @Transactional
    public Direction saveDirection(String from, String to, DirectionChange change) {
        if (repository.currency(from).isEmpty()) {
            throw InvalidCatalogChangeException.of("from", "refusal.catalog.unknownCurrency", "unknown currency " + from, from);
        }
        if (repository.currency(to).isEmpty()) {
            throw InvalidCatalogChangeException.of("to", "refusal.catalog.unknownCurrency", "unknown currency " + to, to);
        }
        if (from.equals(to)) {
            throw InvalidCatalogChangeException.of("to", "refusal.catalog.sameCurrency", "from and to must differ");
        }
        Optional<Direction> existing = repository.direction(from, to);
        String formula = change.rateFormula() == null ? existing.map(Direction::rateFormula).orElse(null)
                : change.rateFormula().isBlank() ? null : change.rateFormula().trim();
        boolean unavailable = false;
        BigDecimal in = change.in() != null ? change.in() : existing.map(Direction::rateIn).orElse(null);
        BigDecimal out = change.out() != null ? change.out() : existing.map(Direction::rateOut).orElse(null);
        if (formula != null) {
            // The formula's rate applies from the save on; until its sources answer, the direction is out.
            Optional<BigDecimal> price = checkFormula("rateFormula", formula).filter(p -> p.signum() > 0);
            if (price.isPresent()) {
                RateChange rate = RateChange.ofPrice(from, to, price.get());
                in = rate.in();
                out = rate.out();
            } else {
                unavailable = true;
                in = in == null ? BigDecimal.ONE : in;
                out = out == null ? BigDecimal.ONE : out;
            }
        }
        in = required("in", in, Optional.empty());
        out = required("out", out, Optional.empty());
        requirePositive("in", in);
        requirePositive("out", out);
        requireStorable("in", in, AMOUNT_PRECISION, AMOUNT_SCALE);
        requireStorable("out", out, AMOUNT_PRECISION, AMOUNT_SCALE);
        BigDecimal min = required("minAmount", change.minAmount(), existing.map(Direction::minAmount));
        BigDecimal max = required("maxAmount", change.maxAmount(), existing.map(Direction::maxAmount));
        if (min.signum() < 0) {
            throw InvalidCatalogChangeException.of("minAmount", "refusal.negative", "minAmount must not be negative");
        }
        requireStorable("minAmount", min, AMOUNT_PRECISION, AMOUNT_SCALE);
        requireStorable("maxAmount", max, AMOUNT_PRECISION, AMOUNT_SCALE);
        if (max.signum() <= 0) {
            throw InvalidCatalogChangeException.of("maxAmount", "refusal.positive", "maxAmount must be a positive number");
        }
        if (max.compareTo(min) < 0) {
            throw InvalidCatalogChangeException.of("maxAmount", "refusal.catalog.maxBelowMin",
                    "maxAmount must be at least minAmount");
        }
        BigDecimal profit = orDefault(change.profitPercent(), existing.map(Direction::profitPercent), BigDecimal.ZERO);
        requirePercent("profitPercent", profit);
        requireStorable("profitPercent", profit, PERCENT_PRECISION, PERCENT_SCALE);
        BigDecimal rewardPercent = change.rewardPercent() != null ? change.rewardPercent()
                : existing.map(Direction::rewardPercent).orElse(null);
        if (rewardPercent != null) {
            requirePercent("rewardPercent", rewardPercent);
            requireStorable("rewardPercent", rewardPercent, PERCENT_PRECISION, PERCENT_SCALE);
        }
        BigDecimal rewardFixed = change.rewardFixed() != null ? change.rewardFixed()
                : existing.map(Direction::rewardFixed).orElse(null);
        if (rewardFixed != null && rewardFixed.signum() < 0) {
            throw InvalidCatalogChangeException.of("rewardFixed", "refusal.negative", "rewardFixed must not be negative");
        }
        if (rewardFixed != null) {
            requireStorable("rewardFixed", rewardFixed, AMOUNT_PRECISION, AMOUNT_SCALE);
        }
        Direction d = new Direction(existing.map(Direction::id).orElse(0L), from, to, in, out, min, max,
                fee("minFee", change.minFee(), existing.map(Direction::minFee)),
                fee("fromFee", change.fromFee(), existing.map(Direction::fromFee)),
                fee("toFee", change.toFee(), existing.map(Direction::toFee)),
                flags(change.flags(), existing.map(Direction::flags)),
                cities(change.cities(), existing.map(Direction::cities)),
                profit, rewardPercent, rewardFixed,
                orDefault(change.active(), existing.map(Direction::active), true), formula, unavailable,
                orDefault(change.requiresConsent(), existing.map(Direction::requiresConsent), false));
        Instant now = clock.instant();
        repository.saveDirection(d, now);
        changed(now);
        Direction saved = repository.direction(from, to).orElseThrow();
        audit.record(existing.isPresent() ? "direction.update" : "direction.create", from + "/" + to,
                AuditTrail.fields(existing.orElse(null)), AuditTrail.fields(saved));
        return saved;
    }

    /**
     * Applies a rate parser's whole batch in one transaction: every line is validated before the
     * first write, so one bad line changes nothing.
     */
    @Transactional
    public int updateRates(List<RateChange> changes) {
        if (changes == null || changes.isEmpty()) {
            throw InvalidCatalogChangeException.of("rates", "refusal.catalog.ratesRequired", "at least one rate is required");
        }
        for (int i = 0; i < changes.size(); i++) {
            RateChange r = changes.get(i);
            String at = "[" + i + "].";
            if (r == null || r.from() == null || r.to() == null) {
                throw InvalidCatalogChangeException.of(at + "from", "refusal.catalog.pairRequired", "from and to are required");
            }
            if (repository.direction(r.from(), r.to()).isEmpty()) {
                throw InvalidCatalogChangeException.of(at + "from", "refusal.catalog.unknownDirection",
                        "unknown direction " + r.from() + "->" + r.to(), r.from(), r.to());
            }
            requirePositive(at + "in", r.in());
            requirePositive(at + "out", r.out());
            requireStorable(at + "in", r.in(), AMOUNT_PRECISION, AMOUNT_SCALE);
            requireStorable(at + "out", r.out(), AMOUNT_PRECISION, AMOUNT_SCALE);
            if (r.reserve() != null && r.reserve().signum() < 0) {
                throw InvalidCatalogChangeException.of(at + "reserve", "refusal.negative", "reserve must not be negative");
            }
            if (r.reserve() != null) {
                requireStorable(at + "reserve", r.reserve(), AMOUNT_PRECISION, AMOUNT_SCALE);
            }
        }
        Instant now = clock.instant();
        // The whole batch is one audit entry: "FROM/TO in", "FROM/TO out", "CODE reserve" before → after.
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> after = new LinkedHashMap<>();
        for (RateChange r : changes) {
            Direction d = repository.direction(r.from(), r.to()).orElseThrow();
            String pair = r.from() + "/" + r.to();
            before.put(pair + " in", d.rateIn());
            before.put(pair + " out", d.rateOut());
            after.put(pair + " in", r.in());
            after.put(pair + " out", r.out());
            if (r.reserve() != null) {
                before.putIfAbsent(r.to() + " reserve", repository.currency(r.to()).map(Currency::reserve).orElse(null));
                after.put(r.to() + " reserve", r.reserve());
            }
        }
        for (RateChange r : changes) {
            repository.updateRate(r.from(), r.to(), r.in(), r.out(), now);
            if (r.reserve() != null) {
                repository.updateReserve(r.to(), r.reserve(), now);
            }
        }
        changed(now);
        audit.record("rates.update", changes.size() + " directions", before, after);
        return changes.size();
    }

    /** Each currency's reserve formula, by code, for the currencies that have one. */
    @Transactional(readOnly = true)
    public Map<String, String> reserveFormulas() {
        return repository.reserveFormulas();
    }

    /**
     * Applies one poll of the rate sources as {@link #updateRates} applies a parser's batch: in one
     * transaction, only the rows whose values differ, and one revision bump (one feed rebuild) when anything
     * changed. Directions and currencies whose formula was removed meanwhile are left alone.
     *
     * @return whether anything changed
     */
    @Transactional
    public boolean applyMarketRates(MarketRates market) {
        Instant now = clock.instant();
        boolean changed = false;
        Map<DirectionKey, Direction> current = new HashMap<>();
        for (Direction d : repository.directions()) {
            if (d.rateFormula() != null) {
                current.put(DirectionKey.of(d), d);
            }
        }
        List<RateChange> moved = new ArrayList<>();
        for (RateChange r : market.rates()) {
            Direction d = current.get(new DirectionKey(r.from(), r.to()));
            if (d == null || r.in() == null || r.out() == null || r.in().signum() <= 0 || r.out().signum() <= 0) {
                continue;
            }
            if (d.rateIn().compareTo(r.in()) != 0 || d.rateOut().compareTo(r.out()) != 0) {
                moved.add(r);
            }
        }
        repository.updateRates(moved, now);
        changed = !moved.isEmpty();
        for (Direction d : current.values()) {
            boolean out = market.unavailable().contains(DirectionKey.of(d));
            if (out != d.rateUnavailable()) {
                repository.updateRateUnavailable(d.from(), d.to(), out, now);
                changed = true;
            }
        }
        Map<String, String> reserveFormulas = repository.reserveFormulas();
        for (Map.Entry<String, BigDecimal> e : market.reserves().entrySet()) {
            if (!reserveFormulas.containsKey(e.getKey()) || e.getValue().signum() < 0) {
                continue;
            }
            Optional<Currency> c = repository.currency(e.getKey());
            if (c.isPresent()) {
                BigDecimal reserve = Decimals.down(e.getValue(), c.get().scale());
                if (c.get().reserve().compareTo(reserve) != 0) {
                    repository.updateReserve(e.getKey(), reserve, now);
                    changed = true;
                }
            }
        }
        if (changed) {
            changed(now);
        }
        return changed;
    }

    /**
     * Removes a direction's reward overrides (the partner's or the level % applies again). A separate call
     * because {@link DirectionChange} reads null as "keep the current value".
     */
    @Transactional
    public void clearRewardOverrides(String from, String to, boolean percent, boolean fixed) {
        Optional<Direction> old = repository.direction(from, to);
        if ((percent || fixed) && repository.clearRewardOverrides(from, to, percent, fixed, clock.instant())) {
            changed(clock.instant());
            audit.record("direction.update", from + "/" + to, AuditTrail.fields(old.orElse(null)),
                    AuditTrail.fields(repository.direction(from, to).orElse(null)));
        }
    }

    /** A reserve moved (Reserves): feeds and pages of every node must show it. */
    void reservesChanged(Instant now) {
        changed(now);
    }

    /** A direction the feeds leave out, and why. */
    public record UnlistedDirection(Direction direction, Unlisted reason) {
    }

    /** Every direction the rate feeds leave out whatever the profile ({@link Unlisted}), by from and to code. */
    public List<UnlistedDirection> unlisted() {
        Map<String, Currency> byCode = currencies().stream()
                .collect(java.util.stream.Collectors.toMap(Currency::code, c -> c));
        return directions().stream()
                .sorted(java.util.Comparator.comparing(Direction::from).thenComparing(Direction::to))
                .flatMap(d -> Unlisted.of(d, byCode.get(d.from()), byCode.get(d.to()))
                        .map(r -> new UnlistedDirection(d, r)).stream())
                .toList();
    }

    /**
     * Switches these directions on or off at once, all or nothing, as one change: one catalogue revision (one
     * feed rebuild). Unknown pairs refuse the whole selection. Returns the directions that changed (those
     * already so are left as they are). {@link DirectionSwitch} audits it.
     */
    @Transactional
    List<Direction> setActive(List<String[]> pairs, boolean active) {
        List<Direction> selected = new java.util.ArrayList<>();
        for (String[] pair : pairs) {
            selected.add(repository.direction(pair[0], pair[1]).orElseThrow(() ->
                    InvalidCatalogChangeException.of("directions", "refusal.catalog.unknownDirection",
                            "unknown direction " + pair[0] + "-" + pair[1], pair[0], pair[1])));
        }
        List<Direction> changing = selected.stream().filter(d -> d.active() != active).toList();
        if (changing.isEmpty()) {
            return changing;
        }
        Instant now = clock.instant();
        for (Direction d : changing) {
            repository.setActive(d.from(), d.to(), active, now);
        }
        changed(now);
        return changing;
    }

    private void changed(Instant now) {
        long revision = repository.bumpRevision(now);
        events.publishEvent(new CatalogChanged(revision));
    }

    private Optional<BigDecimal> checkFormula(String field, String formula) {
        if (formula.length() > 1000) {
            throw InvalidCatalogChangeException.of(field, "refusal.tooLong", field + " is limited to 1000 characters", 1000);
        }
        RateFormulaCheck check = formulaCheck.get();
        if (check == null) {
            throw InvalidCatalogChangeException.of(field, "refusal.catalog.formulasOff", "formulas are not available");
        }
        try {
            return check.check(formula);
        } catch (BadRequestException e) {
            throw new InvalidCatalogChangeException(field, e.refusal());
        }
    }

    private static <T> T required(String field, T value, Optional<T> existing) {
        if (value != null) {
            return value;
        }
        return existing.orElseThrow(() -> InvalidCatalogChangeException.of(field, "refusal.required", field + " is required"));
    }

    private static <T> T orDefault(T value, Optional<T> existing, T fallback) {
        return value != null ? value : existing.orElse(fallback);
    }

    private static void requirePositive(String field, BigDecimal value) {
        if (value == null || value.signum() <= 0) {
            throw InvalidCatalogChangeException.of(field, "refusal.positive", field + " must be a positive number");
        }
    }

    /**
     * A number the column keeps exactly: NUMERIC(precision, scale) holds {@code precision − scale} integer digits
     * and {@code scale} decimals. A value with more decimals would be rounded by the database (1e-30 would become
     * 0 and a positive rate a division by zero), one with more integer digits refused with a 500: both are the
     * operator's typing, answered on the field.
     */
    static void requireStorable(String field, BigDecimal value, int precision, int scale) {
        if (value == null) {
            return;
        }
        BigDecimal v = value.stripTrailingZeros();
        if (v.signum() != 0 && v.scale() > scale) {
            throw Decimals.down(v.abs(), scale).signum() == 0
                    ? InvalidCatalogChangeException.of(field, "refusal.decimals.zero",
                            field + " is too small: it would be stored as 0 (at most " + scale + " decimal places)", scale)
                    : InvalidCatalogChangeException.of(field, "refusal.decimals",
                            field + " has more than " + scale + " decimal places", scale);
        }
        if (v.precision() - v.scale() > precision - scale) {
            throw InvalidCatalogChangeException.of(field, "refusal.digits", field + " is too large: at most "
                    + (precision - scale) + " digits before the decimal point", precision - scale);
        }
    }

    private static void requirePercent(String field, BigDecimal value) {
        if (value.signum() < 0 || value.compareTo(HUNDRED) > 0) {
            throw InvalidCatalogChangeException.of(field, "refusal.percent", field + " must be 0-100");
        }
    }

    private static void validatePattern(String pattern) {
        if (pattern.length() > 200) {
            throw InvalidCatalogChangeException.of("accountPattern", "refusal.tooLong",
                    "accountPattern is limited to 200 characters", 200);
        }
        // Checked with the engine that will match it (RE2/J, linear time): no backreferences, no lookaround.
        if (AccountPattern.compile(pattern).isEmpty()) {
            throw InvalidCatalogChangeException.of("accountPattern", "refusal.catalog.accountPattern",
                    "accountPattern is not a valid regular expression (RE2 syntax: no backreferences or lookaround)");
        }
    }

    private static Fee fee(String field, String text, Optional<Fee> existing) {
        if (text == null) {
            return existing.orElse(null);
        }
        Fee fee;
        try {
            fee = Fee.parse(text);
        } catch (NumberFormatException e) {
            throw InvalidCatalogChangeException.of(field, "refusal.catalog.fee",
                    field + " must be an amount like 2 or a percentage like 0.5%");
        }
        if (fee != null) {
            requireStorable(field, fee.value(), AMOUNT_PRECISION, AMOUNT_SCALE);
            if (fee.percent() && fee.value().compareTo(HUNDRED) >= 0) {
                throw InvalidCatalogChangeException.of(field, "refusal.catalog.feePercent", field + " must be below 100%");
            }
        }
        return fee;
    }

    private static Set<DirectionFlag> flags(List<String> codes, Optional<Set<DirectionFlag>> existing) {
        if (codes == null) {
            return existing.orElse(Set.of());
        }
        Set<DirectionFlag> flags = EnumSet.noneOf(DirectionFlag.class);
        for (String code : codes) {
            flags.add(DirectionFlag.of(code).orElseThrow(
                    () -> InvalidCatalogChangeException.of("flags", "refusal.catalog.flag", "unknown flag " + code, code)));
        }
        return Collections.unmodifiableSet(flags);
    }

    private static List<String> cities(List<String> codes, Optional<List<String>> existing) {
        if (codes == null) {
            return existing.orElse(List.of());
        }
        Set<String> cities = new LinkedHashSet<>();
        for (String code : codes) {
            String c = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
            if (!CITY.matcher(c).matches()) {
                throw InvalidCatalogChangeException.of("cities", "refusal.catalog.cities", "city codes are 2-16 characters A-Z, 0-9");
            }
            cities.add(c);
        }
        return List.copyOf(cities);
    }

    private List<String> aliases(String code, List<String> aliases, Optional<List<String>> existing) {
        if (aliases == null) {
            return existing.orElse(List.of());
        }
        List<String> result = new ArrayList<>();
        for (String alias : aliases) {
            String a = alias == null ? "" : alias.trim().toUpperCase(Locale.ROOT);
            if (!a.matches("[A-Z0-9]{2,20}") || a.equals(code)) {
                throw InvalidCatalogChangeException.of("aliases", "refusal.catalog.aliases",
                        "aliases are 2-20 characters A-Z, 0-9, other than the code");
            }
            Optional<String> owner = repository.codeFor(a);
            if (owner.isPresent() && !owner.get().equals(code)) {
                String text = a + " already names " + owner.get();
                throw owner.get().equals(a) ? InvalidCatalogChangeException.of("aliases", "refusal.catalog.aliasIsCode", text, a)
                        : InvalidCatalogChangeException.of("aliases", "refusal.catalog.aliasTaken", text, a, owner.get());
            }
            if (!result.contains(a)) {
                result.add(a);
            }
        }
        return result;
    }
}
