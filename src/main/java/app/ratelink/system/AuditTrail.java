package app.ratelink.system;

import java.time.Clock;
import java.util.LinkedHashMap;
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
