package app.ratelink.system;

import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import tools.jackson.databind.json.JsonMapper;

/**
 * Appends one entry per operator change (admin pages, operator API): who, from where, what, on which
 * target, and the fields that changed before → after. Called inside the changing transaction, so a change
 * and its entry commit or roll back together. The actor and address come from the current request.
 * <p>
 * Append-only: this class has no statement that updates or deletes an entry, and the database refuses both
 * (triggers of migration V12_1, on H2 and PostgreSQL).
 */
@Service
public class AuditTrail {

    /** The actor of changes made with the operator API's bearer token. */
    public static final String OPERATOR_API = "operator API";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Settings settings;

    AuditTrail(JdbcClient jdbc, Clock clock, Settings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
        settings.auditedBy(this);
    }

    /** Whether the current request is an operator's (an admin page or the operator API's token). */
    public boolean byOperator() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.isAuthenticated() && auth.getAuthorities().stream()
                .anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()) || "ROLE_OPERATOR".equals(a.getAuthority()));
    }

    /**
     * {@code action}: e.g. {@code direction.update}, {@code order.status}, {@code payout.pay};
     * {@code target}: e.g. {@code PMUSD/BTC}, {@code order 42}. Only fields whose values differ are kept.
     */
    public void record(String action, String target, Map<String, ?> before, Map<String, ?> after) {
        Map<String, Map<String, Object>> changes = new LinkedHashMap<>();
        TreeSet<String> fields = new TreeSet<>(before.keySet());
        fields.addAll(after.keySet());
        for (String field : fields) {
            Object was = plain(before.get(field));
            Object is = plain(after.get(field));
            if (!Objects.equals(was, is)) {
                Map<String, Object> change = new LinkedHashMap<>();
                change.put("before", was);
                change.put("after", is);
                changes.put(field, change);
            }
        }
        jdbc.sql("""
                INSERT INTO audit_entry (at, actor, address, action, target, changes)
                VALUES (:at, :actor, :address, :action, :target, :changes)""")
                .param("at", SqlTime.of(clock.instant())).param("actor", crop(actor(), 254))
                .param("address", crop(address(), 64)).param("action", crop(action, 64))
                .param("target", crop(target, 200)).param("changes", JSON.writeValueAsString(changes)).update();
    }

    /** The components of a record by name, for {@code record(action, target, fields(before), fields(after))}. */
    public static Map<String, Object> fields(Record value) {
        Map<String, Object> result = new LinkedHashMap<>();
        if (value == null) {
            return result;
        }
        for (RecordComponent c : value.getClass().getRecordComponents()) {
            try {
                c.getAccessor().setAccessible(true);
                result.put(c.getName(), c.getAccessor().invoke(value));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + c.getName(), e);
            }
        }
        return result;
    }

    /** One appended entry; {@code changes} is the JSON object {"field": {"before": …, "after": …}}. */
    public record Entry(long id, Instant time, String actor, String address, String action, String target,
                        String changes) {

        public Map<String, Object> changesMap() {
            return JSON.readValue(changes, CHANGES_TYPE);
        }
    }

    private static final tools.jackson.core.type.TypeReference<Map<String, Object>> CHANGES_TYPE =
            new tools.jackson.core.type.TypeReference<>() {
            };

    /**
     * Entries newest first. {@code actor} and {@code target}: contained (any case); {@code action}: the action
     * or its prefix ({@code order} finds {@code order.status}); {@code from}, {@code to}: inclusive; each may
     * be null. At most {@code limit}.
     */
    public List<Entry> search(String actor, String action, String target, Instant from, Instant to, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM audit_entry WHERE 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (actor != null && !actor.isBlank()) {
            sql.append(" AND LOWER(actor) LIKE :actor");
            params.put("actor", "%" + like(actor) + "%");
        }
        if (action != null && !action.isBlank()) {
            sql.append(" AND (action = :action OR action LIKE :actionPrefix)");
            params.put("action", action.trim());
            params.put("actionPrefix", like(action.trim()) + ".%");
        }
        if (target != null && !target.isBlank()) {
            sql.append(" AND LOWER(target) LIKE :target");
            params.put("target", "%" + like(target) + "%");
        }
        if (from != null) {
            sql.append(" AND at >= :from");
            params.put("from", SqlTime.of(from));
        }
        if (to != null) {
            sql.append(" AND at <= :to");
            params.put("to", SqlTime.of(to));
        }
        sql.append(" ORDER BY at DESC, id DESC LIMIT :limit");
        params.put("limit", Math.max(1, Math.min(limit, 10000)));
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new Entry(rs.getLong("id"), SqlTime.instant(rs, "at"), rs.getString("actor"),
                        rs.getString("address"), rs.getString("action"), rs.getString("target"), rs.getString("changes")))
                .list();
    }

    private static String like(String text) {
        return text.trim().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Object plain(Object value) {
        return value instanceof java.math.BigDecimal d ? d.stripTrailingZeros().toPlainString()
                : value == null ? null : value instanceof Number || value instanceof Boolean ? value : value.toString();
    }

    private static String actor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            return "system";
        }
        if (auth.getAuthorities().stream().anyMatch(a -> "ROLE_OPERATOR".equals(a.getAuthority()))
                && "operator".equals(auth.getName())) {
            return OPERATOR_API;
        }
        return auth.getName();
    }

    private String address() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return null;
        }
        HttpServletRequest request = attributes.getRequest();
        return ClientAddress.of(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"),
                settings.get(Setting.TRUSTED_PROXIES));
    }

    private static String crop(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
