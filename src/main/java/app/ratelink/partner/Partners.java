package app.ratelink.partner;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

import app.ratelink.money.Decimals;
import app.ratelink.system.SqlTime;

/** Read access to partner accounts for the other features (links, rewards, API). */
@Service
public class Partners {

    private final JdbcClient jdbc;

    Partners(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Partner> byCode(String code) {
        if (code == null || code.isEmpty() || code.length() > 16) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM partners WHERE code = :code").param("code", code)
                .query(Partners::partner).optional();
    }

    public Optional<Partner> byId(long id) {
        return jdbc.sql("SELECT * FROM partners WHERE id = :id").param("id", id)
                .query(Partners::partner).optional();
    }

    /** The partner logged in on the current request, if any. */
    public static Optional<Long> currentPartnerId() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && auth.getPrincipal() instanceof PartnerAccount account) {
            return Optional.of(account.partnerId());
        }
        return Optional.empty();
    }

    static Partner partner(ResultSet rs, int row) throws SQLException {
        return new Partner(rs.getLong("id"), rs.getString("code"), rs.getString("email"),
                rs.getBoolean("confirmed"), rs.getBoolean("banned"),
                Decimals.normalized(rs.getBigDecimal("reward_percent")), rs.getString("notes"),
                SqlTime.instant(rs, "created_at"));
    }
}
