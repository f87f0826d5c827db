package app.ratelink.catalog;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.ratelink.money.Decimals;
import app.ratelink.system.SqlTime;

@Repository
class CatalogRepository {

    private final JdbcClient jdbc;
    /** Batches of the rate sources' polls: 2,000 rows in one round trip instead of 2,000 (JdbcClient has no batch). */
    private final JdbcTemplate batch;

    CatalogRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    List<Currency> currencies() {
        Map<String, List<String>> aliases = aliases();
        return jdbc.sql("SELECT * FROM currencies ORDER BY id")
                .query((rs, n) -> currency(rs, aliases.getOrDefault(rs.getString("code"), List.of())))
                .list();
    }

    Optional<Currency> currency(String code) {
        Map<String, List<String>> aliases = aliases();
        return jdbc.sql("SELECT * FROM currencies WHERE code = :code").param("code", code)
                .query((rs, n) -> currency(rs, aliases.getOrDefault(rs.getString("code"), List.of())))
                .optional();
    }

    /** Resolves a monitoring code or alias, already upper-cased. */
    Optional<String> codeFor(String codeOrAlias) {
        Optional<String> direct = jdbc.sql("SELECT code FROM currencies WHERE code = :c").param("c", codeOrAlias)
                .query(String.class).optional();
        if (direct.isPresent()) {
            return direct;
        }
        return jdbc.sql("SELECT currency_code FROM currency_aliases WHERE alias = :c").param("c", codeOrAlias)
                .query(String.class).optional();
    }

    void saveCurrency(Currency c, Instant now) {
        int updated = jdbc.sql("""
                UPDATE currencies SET name = :name, unit = :unit, scale = :scale, reserve = :reserve,
                  usd_rate = :usdRate, active = :active, payout_allowed = :payoutAllowed,
                  payout_fee_percent = :fee, payment_instructions = :instructions,
                  account_pattern = :pattern, reserve_alert = :reserveAlert, updated_at = :at
                WHERE code = :code""")
                .params(currencyParams(c, now)).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO currencies (code, name, unit, scale, reserve, usd_rate, active, payout_allowed,
                      payout_fee_percent, payment_instructions, account_pattern, reserve_alert, updated_at)
                    VALUES (:code, :name, :unit, :scale, :reserve, :usdRate, :active, :payoutAllowed,
                      :fee, :instructions, :pattern, :reserveAlert, :at)""")
                    .params(currencyParams(c, now)).update();
        }
        jdbc.sql("DELETE FROM currency_aliases WHERE currency_code = :code").param("code", c.code()).update();
        for (String alias : c.aliases()) {
            jdbc.sql("INSERT INTO currency_aliases (alias, currency_code) VALUES (:alias, :code)")
                    .param("alias", alias).param("code", c.code()).update();
        }
    }

    void updateReserve(String code, BigDecimal reserve, Instant now) {
        jdbc.sql("UPDATE currencies SET reserve = :reserve, updated_at = :at WHERE code = :code")
                .param("reserve", reserve).param("at", SqlTime.of(now)).param("code", code).update();
    }

    List<Direction> directions() {
        return jdbc.sql("SELECT * FROM directions ORDER BY id").query(this::direction).list();
    }

    void setActive(String from, String to, boolean active, Instant now) {
        jdbc.sql("UPDATE directions SET active = :active, updated_at = :at WHERE from_code = :from AND to_code = :to")
                .param("active", active).param("at", SqlTime.of(now)).param("from", from).param("to", to).update();
    }

    Optional<Direction> direction(String from, String to) {
        return jdbc.sql("SELECT * FROM directions WHERE from_code = :from AND to_code = :to")
                .param("from", from).param("to", to).query(this::direction).optional();
    }

    void saveDirection(Direction d, Instant now) {
        Map<String, Object> p = directionParams(d, now);
        int updated = jdbc.sql("""
                UPDATE directions SET rate_in = :rateIn, rate_out = :rateOut, min_amount = :min, max_amount = :max,
                  min_fee = :minFee, min_fee_percent = :minFeePct, from_fee = :fromFee, from_fee_percent = :fromFeePct,
                  to_fee = :toFee, to_fee_percent = :toFeePct, flags = :flags, cities = :cities,
                  profit_percent = :profit, reward_percent = :rewardPct, reward_fixed = :rewardFixed,
                  active = :active, rate_formula = :formula, rate_unavailable = :unavailable, updated_at = :at
                WHERE from_code = :from AND to_code = :to""").params(p).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO directions (from_code, to_code, rate_in, rate_out, min_amount, max_amount,
                      min_fee, min_fee_percent, from_fee, from_fee_percent, to_fee, to_fee_percent, flags, cities,
                      profit_percent, reward_percent, reward_fixed, active, rate_formula, rate_unavailable, updated_at)
                    VALUES (:from, :to, :rateIn, :rateOut, :min, :max, :minFee, :minFeePct, :fromFee, :fromFeePct,
                      :toFee, :toFeePct, :flags, :cities, :profit, :rewardPct, :rewardFixed, :active, :formula,
                      :unavailable, :at)""")
                    .params(p).update();
        }
    }

    /** Returns false when the direction does not exist. */
    boolean updateRate(String from, String to, BigDecimal in, BigDecimal out, Instant now) {
        return jdbc.sql("""
                UPDATE directions SET rate_in = :in, rate_out = :out, updated_at = :at
                WHERE from_code = :from AND to_code = :to""")
                .param("in", in).param("out", out).param("at", SqlTime.of(now))
                .param("from", from).param("to", to).update() == 1;
    }

    /** Many directions' rates in one batch: {@code in}, {@code out} of each change, keyed by from and to. */
    void updateRates(List<RateChange> changes, Instant now) {
        if (changes.isEmpty()) {
            return;
        }
        Object at = SqlTime.of(now);
        batch.batchUpdate("UPDATE directions SET rate_in = ?, rate_out = ?, updated_at = ? WHERE from_code = ? AND to_code = ?",
                changes.stream().map(r -> new Object[] {r.in(), r.out(), at, r.from(), r.to()}).toList());
    }

    void updateRateUnavailable(String from, String to, boolean unavailable, Instant now) {
        jdbc.sql("""
                UPDATE directions SET rate_unavailable = :unavailable, updated_at = :at
                WHERE from_code = :from AND to_code = :to""")
                .param("unavailable", unavailable).param("at", SqlTime.of(now))
                .param("from", from).param("to", to).update();
    }

    Optional<String> reserveFormula(String code) {
        return jdbc.sql("SELECT reserve_formula FROM currencies WHERE code = :code AND reserve_formula IS NOT NULL")
                .param("code", code).query(String.class).optional();
    }

    Map<String, String> reserveFormulas() {
        Map<String, String> result = new HashMap<>();
        jdbc.sql("SELECT code, reserve_formula FROM currencies WHERE reserve_formula IS NOT NULL").query((rs, n) -> {
            result.put(rs.getString("code"), rs.getString("reserve_formula"));
            return null;
        }).list();
        return result;
    }

    void saveReserveFormula(String code, String formula) {
        jdbc.sql("UPDATE currencies SET reserve_formula = :formula WHERE code = :code")
                .param("formula", formula).param("code", code).update();
    }

    /** Returns true when an override was actually removed. */
    boolean clearRewardOverrides(String from, String to, boolean percent, boolean fixed, Instant now) {
        List<String> cleared = new ArrayList<>();
        if (percent) {
            cleared.add("reward_percent = NULL");
        }
        if (fixed) {
            cleared.add("reward_fixed = NULL");
        }
        String any = (percent ? "reward_percent IS NOT NULL" : "") + (percent && fixed ? " OR " : "")
                + (fixed ? "reward_fixed IS NOT NULL" : "");
        return jdbc.sql("UPDATE directions SET " + String.join(", ", cleared) + ", updated_at = :at"
                        + " WHERE from_code = :from AND to_code = :to AND (" + any + ")")
                .param("at", SqlTime.of(now)).param("from", from).param("to", to).update() > 0;
    }

    long bumpRevision(Instant now) {
        jdbc.sql("UPDATE catalog_revision SET revision = revision + 1, changed_at = :at WHERE id = 1")
                .param("at", SqlTime.of(now)).update();
        return revision().number();
    }

    CatalogRevision revision() {
        return jdbc.sql("SELECT revision, changed_at FROM catalog_revision WHERE id = 1")
                .query((rs, n) -> new CatalogRevision(rs.getLong("revision"), SqlTime.instant(rs, "changed_at")))
                .single();
    }

    private Map<String, List<String>> aliases() {
        Map<String, List<String>> result = new HashMap<>();
        jdbc.sql("SELECT alias, currency_code FROM currency_aliases ORDER BY alias").query((rs, n) -> {
            result.computeIfAbsent(rs.getString("currency_code"), k -> new ArrayList<>()).add(rs.getString("alias"));
            return null;
        }).list();
        return result;
    }

    private static Map<String, Object> currencyParams(Currency c, Instant now) {
        Map<String, Object> p = new HashMap<>();
        p.put("code", c.code());
        p.put("name", c.name());
        p.put("unit", c.unit());
        p.put("scale", c.scale());
        p.put("reserve", c.reserve());
        p.put("usdRate", c.usdRate());
        p.put("active", c.active());
        p.put("payoutAllowed", c.payoutAllowed());
        p.put("fee", c.payoutFeePercent());
        p.put("instructions", c.paymentInstructions());
        p.put("pattern", c.accountPattern());
        p.put("reserveAlert", c.reserveAlert());
        p.put("at", SqlTime.of(now));
        return p;
    }

    private static Map<String, Object> directionParams(Direction d, Instant now) {
        Map<String, Object> p = new HashMap<>();
        p.put("from", d.from());
        p.put("to", d.to());
        p.put("rateIn", d.rateIn());
        p.put("rateOut", d.rateOut());
        p.put("min", d.minAmount());
        p.put("max", d.maxAmount());
        p.put("minFee", d.minFee() == null ? null : d.minFee().value());
        p.put("minFeePct", d.minFee() != null && d.minFee().percent());
        p.put("fromFee", d.fromFee() == null ? null : d.fromFee().value());
        p.put("fromFeePct", d.fromFee() != null && d.fromFee().percent());
        p.put("toFee", d.toFee() == null ? null : d.toFee().value());
        p.put("toFeePct", d.toFee() != null && d.toFee().percent());
        p.put("flags", d.flags().stream().map(DirectionFlag::code).collect(Collectors.joining(",")));
        p.put("cities", String.join(",", d.cities()));
        p.put("profit", d.profitPercent());
        p.put("rewardPct", d.rewardPercent());
        p.put("rewardFixed", d.rewardFixed());
        p.put("active", d.active());
        p.put("formula", d.rateFormula());
        p.put("unavailable", d.rateUnavailable());
        p.put("at", SqlTime.of(now));
        return p;
    }

    private static Currency currency(ResultSet rs, List<String> aliases) throws SQLException {
        return new Currency(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("unit"),
                rs.getInt("scale"), Decimals.normalized(rs.getBigDecimal("reserve")), Decimals.normalized(rs.getBigDecimal("usd_rate")),
                rs.getBoolean("active"), rs.getBoolean("payout_allowed"), Decimals.normalized(rs.getBigDecimal("payout_fee_percent")),
                rs.getString("payment_instructions"), rs.getString("account_pattern"), List.copyOf(aliases),
                Decimals.normalized(rs.getBigDecimal("reserve_alert")));
    }

    private Direction direction(ResultSet rs, int rowNum) throws SQLException {
        Set<DirectionFlag> flags = EnumSet.noneOf(DirectionFlag.class);
        for (String f : rs.getString("flags").split(",")) {
            DirectionFlag.of(f).ifPresent(flags::add);
        }
        String cities = rs.getString("cities");
        return new Direction(rs.getLong("id"), rs.getString("from_code"), rs.getString("to_code"),
                Decimals.normalized(rs.getBigDecimal("rate_in")), Decimals.normalized(rs.getBigDecimal("rate_out")),
                Decimals.normalized(rs.getBigDecimal("min_amount")), Decimals.normalized(rs.getBigDecimal("max_amount")),
                fee(rs, "min_fee"), fee(rs, "from_fee"), fee(rs, "to_fee"), Collections.unmodifiableSet(flags),
                cities.isEmpty() ? List.of() : Arrays.asList(cities.split(",")),
                Decimals.normalized(rs.getBigDecimal("profit_percent")), Decimals.normalized(rs.getBigDecimal("reward_percent")),
                Decimals.normalized(rs.getBigDecimal("reward_fixed")), rs.getBoolean("active"),
                rs.getString("rate_formula"), rs.getBoolean("rate_unavailable"));
    }

    private static Fee fee(ResultSet rs, String column) throws SQLException {
        BigDecimal value = Decimals.normalized(rs.getBigDecimal(column));
        return value == null ? null : new Fee(value, rs.getBoolean(column + "_percent"));
    }
}
