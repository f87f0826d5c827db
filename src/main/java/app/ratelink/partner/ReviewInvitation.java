package app.ratelink.partner;

import java.util.Locale;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The invitation to review the exchanger on the monitoring that sent the client (BestChange and others ask
 * exchangers for it): shown on the page of a successful order and written into its success mail, when the
 * order's partner has a review page ({@code reviewUrl}). The link carries no {@code nofollow}: the monitoring
 * is a partner, not an unknown site.
 */
@Service
public class ReviewInvitation {

    private final Partnerships partnerships;
    private final MessageSource messages;

    ReviewInvitation(Partnerships partnerships, MessageSource messages) {
        this.partnerships = partnerships;
        this.messages = messages;
    }

    /** The review page of the order's partner; empty for an order no partner (or one without a page) referred. */
    public Optional<String> url(Long partnerId) {
        if (partnerId == null) {
            return Optional.empty();
        }
        String url = partnerships.terms(partnerId).reviewUrl();
        return url.isEmpty() ? Optional.empty() : Optional.of(url);
    }

    /** The same only once the order succeeded (the order page asks with the order's status code). */
    public Optional<String> url(Long partnerId, String statusCode) {
        return "success".equals(statusCode) ? url(partnerId) : Optional.empty();
    }

    /**
     * The paragraph for the success mail in the client's language, e.g. "Did everything go well? Please
     * review us at https://…": empty when there is nothing to invite to.
     */
    public Optional<String> mailText(Long partnerId, Locale locale) {
        return url(partnerId).map(url -> messages.getMessage("monitorings.review.mail", new Object[] {url}, locale));
    }
}
