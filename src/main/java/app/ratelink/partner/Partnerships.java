package app.ratelink.partner;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.ratelink.system.AuditTrail;
import app.ratelink.system.BadRequestException;
import app.ratelink.system.NotFoundException;
import app.ratelink.system.Settings;
import app.ratelink.system.Refusal;

/**
 * The terms each partner works on (issue 18): reward scheme, the amount per unique click, the review page.
 * Monitorings bill either a revenue share (our default, the order rewards) or per unique click; the review
 * page is where a monitoring's clients are invited to review the exchanger after a successful order.
 */
@Service
public class Partnerships {

    /** The most a unique visitor can be worth, in the base currency: a typo of 500 for 0.05 is refused. */
    static final BigDecimal MAX_UNIQUE_CLICK_REWARD = new BigDecimal("100");

    private final PartnerTermsRepository repository;
    private final Partners partners;
    private final AuditTrail audit;
    private final Settings settings;
    private final Clock clock;

    Partnerships(PartnerTermsRepository repository, Partners partners, AuditTrail audit, Settings settings, Clock clock) {
        this.repository = repository;
        this.partners = partners;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    /** The partner's terms; the defaults (orders, no review page) when none were ever set. */
    public PartnerTerms terms(long partnerId) {
        return repository.of(partnerId).orElseGet(() -> PartnerTerms.defaults(partnerId, today()));
    }

    /** Partners rewarded per unique click with an amount above 0. */
    public List<PartnerTerms> payingPerUniqueClick() {
        return repository.payingPerUniqueClick();
    }

    /** The edit of the admin form or {@code PUT /api/operator/v1/partners/{id}}; null fields keep their value. */
    public record Change(String reviewUrl, String rewardScheme, BigDecimal uniqueClickReward) {
    }

    /** Saves the terms, refusing a bad field by its name; a switch to unique clicks pays from today on. */
    @Transactional
    public PartnerTerms save(long partnerId, Change change) {
        partners.byId(partnerId).orElseThrow(() -> new NotFoundException("No partner " + partnerId));
        PartnerTerms old = terms(partnerId);
        String url = change.reviewUrl() == null ? old.reviewUrl() : reviewUrl(change.reviewUrl());
        RewardScheme scheme = change.rewardScheme() == null ? old.rewardScheme()
                : RewardScheme.of(change.rewardScheme()).orElseThrow(() ->
                        new BadRequestException("rewardScheme",
                                Refusal.of("refusal.terms.scheme", "rewardScheme must be orders or uniqueClicks")));
        BigDecimal reward = change.uniqueClickReward() == null ? old.uniqueClickReward() : change.uniqueClickReward();
        if (reward.signum() < 0 || reward.compareTo(MAX_UNIQUE_CLICK_REWARD) > 0 || reward.stripTrailingZeros().scale() > 8) {
            throw new BadRequestException("uniqueClickReward", Refusal.of("refusal.terms.uniqueClickReward",
                    "uniqueClickReward must be 0 to " + MAX_UNIQUE_CLICK_REWARD + " with at most 8 decimals",
                    MAX_UNIQUE_CLICK_REWARD.toPlainString()));
        }
        if (scheme == RewardScheme.UNIQUE_CLICKS && reward.signum() == 0) {
            throw new BadRequestException("uniqueClickReward", Refusal.of("refusal.terms.uniqueClickRewardZero",
                    "Paying per unique click needs a uniqueClickReward above 0"));
        }
        LocalDate since = scheme == old.rewardScheme() && repository.of(partnerId).isPresent() ? old.schemeSince() : today();
        PartnerTerms saved = new PartnerTerms(partnerId, url, scheme, reward.stripTrailingZeros(), since);
        repository.save(saved, clock.instant());
        audit.record("partner.terms", "partner " + partnerId, audited(old), audited(saved));
        return terms(partnerId);
    }

    private static Map<String, Object> audited(PartnerTerms t) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("reviewUrl", t.reviewUrl());
        fields.put("rewardScheme", t.rewardScheme().code());
        fields.put("uniqueClickReward", t.uniqueClickReward());
        return fields;
    }

    /** "" (none), or an absolute http(s) address of at most 500 characters. */
    static String reviewUrl(String text) {
        String t = text.trim();
        if (t.isEmpty()) {
            return "";
        }
        try {
            URI uri = new URI(t);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (t.length() <= 500 && (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null) {
                return t;
            }
        } catch (URISyntaxException e) {
            // refused below
        }
        throw new BadRequestException("reviewUrl", Refusal.of("refusal.terms.reviewUrl",
                "reviewUrl must be an http(s) address of at most 500 characters"));
    }

    private LocalDate today() {
        return clock.instant().atZone(settings.zone()).toLocalDate();
    }
}
