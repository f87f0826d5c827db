package app.ratelink.referral;

import java.time.Clock;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import app.ratelink.order.OrderReferrals;
import app.ratelink.order.Referral;
import app.ratelink.order.SubIds;
import app.ratelink.partner.Partners;

/**
 * Tells the order feature which partner click sent the client: the signed attribution cookie (last
 * click wins). The order's {@code user_hash} is the one the click got, so partners can join the two, and the
 * click's sub-IDs are the order's. A
 * partner logged in while ordering is ordering for itself and earns nothing: no referral.
 */
@Component
class ClickReferrals implements OrderReferrals {

    private final Attribution attribution;
    private final ClickSecret secret;
    private final JdbcClient jdbc;
    private final Clock clock;

    ClickReferrals(Attribution attribution, ClickSecret secret, JdbcClient jdbc, Clock clock) {
        this.attribution = attribution;
        this.secret = secret;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Optional<Referral> referralFor(HttpServletRequest request) {
        Optional<Attribution.Referred> referred = attribution.referred(request, clock.instant());
        if (referred.isEmpty()) {
            return Optional.empty();
        }
        long partnerId = referred.get().partnerId();
        if (Partners.currentPartnerId().filter(id -> id == partnerId).isPresent()) {
            return Optional.empty();
        }
        record Tagged(String userHash, SubIds subIds) {
        }
        Optional<Tagged> click = jdbc.sql("SELECT user_hash, sub1, sub2, sub3, sub4, sub5, sub_click_id FROM clicks"
                        + " WHERE id = :id AND partner_id = :partner")
                .param("id", referred.get().clickId()).param("partner", partnerId)
                .query((rs, n) -> new Tagged(rs.getString("user_hash"), new SubIds(rs.getString("sub1"),
                        rs.getString("sub2"), rs.getString("sub3"), rs.getString("sub4"), rs.getString("sub5"),
                        rs.getString("sub_click_id"))))
                .optional();
        if (click.isEmpty()) {
            return Optional.empty();
        }
        // The visitor's own hash when the visitor cookie is still there (the same as the click's unless the
        // visitor id was replaced since); else the click's.
        String userHash = attribution.visitorId(request).map(secret::userHash).orElse(click.get().userHash());
        return Optional.of(new Referral(partnerId, referred.get().clickId(), userHash, click.get().subIds()));
    }
}
