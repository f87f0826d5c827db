package app.ratelink.partner;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.ratelink.money.Decimals;
import app.ratelink.system.SqlTime;

/** The statements on partner_terms. */
@Repository
class PartnerTermsRepository {

    private final JdbcClient jdbc;

    PartnerTermsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<PartnerTerms> of(long partnerId) {
        return jdbc.sql("SELECT * FROM partner_terms WHERE partner_id = :p").param("p", partnerId)
                .query(PartnerTermsRepository::terms).optional();
    }

    List<PartnerTerms> payingPerUniqueClick() {
        return jdbc.sql("SELECT * FROM partner_terms WHERE reward_scheme = :s AND unique_click_reward > 0 ORDER BY partner_id")
                .param("s", RewardScheme.UNIQUE_CLICKS.code()).query(PartnerTermsRepository::terms).list();
    }

    void save(PartnerTerms t, Instant at) {
        int updated = jdbc.sql("""
                UPDATE partner_terms SET review_url = :url, reward_scheme = :scheme, unique_click_reward = :reward,
                       scheme_since = :since, updated_at = :at WHERE partner_id = :p""")
                .param("url", t.reviewUrl()).param("scheme", t.rewardScheme().code()).param("reward", t.uniqueClickReward())
                .param("since", t.schemeSince()).param("at", SqlTime.of(at)).param("p", t.partnerId()).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO partner_terms (partner_id, review_url, reward_scheme, unique_click_reward, scheme_since, updated_at)
                    VALUES (:p, :url, :scheme, :reward, :since, :at)""")
                    .param("url", t.reviewUrl()).param("scheme", t.rewardScheme().code())
                    .param("reward", t.uniqueClickReward()).param("since", t.schemeSince()).param("at", SqlTime.of(at))
                    .param("p", t.partnerId()).update();
        }
    }

    private static PartnerTerms terms(ResultSet rs, int row) throws SQLException {
        BigDecimal reward = rs.getBigDecimal("unique_click_reward");
        return new PartnerTerms(rs.getLong("partner_id"), rs.getString("review_url"),
                RewardScheme.of(rs.getString("reward_scheme")).orElse(RewardScheme.ORDERS),
                Decimals.normalized(reward), rs.getObject("scheme_since", LocalDate.class));
    }
}
