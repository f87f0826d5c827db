package app.ratelink.order;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Implemented by the referral feature: tells, from the visitor's request (attribution cookie), which
 * partner sent the client. The order feature asks it when an order is created and stores the answer.
 */
public interface OrderReferrals {

    Optional<Referral> referralFor(HttpServletRequest request);
}
