package app.ratelink.reward;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.ratelink.money.BaseCurrency;
import app.ratelink.partner.PartnerTerms;
import app.ratelink.partner.Partnerships;
import app.ratelink.referral.PartnerStatistics;
import app.ratelink.system.Settings;

/**
 * Pay per unique click (issue 18): a partner on the {@code uniqueClicks} scheme earns its fixed amount (base
 * currency) per unique counted visitor per day: the day's {@code click_days.visitors}, which never include bots,
 * link previews, prefetch, HEAD or the partner's own visits. A day is credited once it is over (site time zone,
 * with {@link #SETTLE} for clicks still in a group commit), in one transaction with its statement row: the
 * row's primary key and the ledger's idempotency key make the credit exactly once, however often the job runs
 * and on however many nodes. The amount per visitor is the partner's at the time of crediting.
 */
@Service
public class UniqueClickRewards {

    static final Duration SETTLE = Duration.ofMinutes(5);
    /** How far back a run looks for days not credited yet (a node down for a while catches up). */
    static final int LOOK_BACK_DAYS = 62;

    private static final Logger log = LoggerFactory.getLogger(UniqueClickRewards.class);

    private final Partnerships partnerships;
    private final PartnerStatistics statistics;
    private final UniqueClickCreditRepository credits;
    private final Ledger ledger;
    private final Settings settings;
    private final Clock clock;
    private final TransactionTemplate transactions;

    UniqueClickRewards(Partnerships partnerships, PartnerStatistics statistics, UniqueClickCreditRepository credits,
                       Ledger ledger, Settings settings, Clock clock, PlatformTransactionManager transactionManager) {
        this.partnerships = partnerships;
        this.statistics = statistics;
        this.credits = credits;
        this.ledger = ledger;
        this.settings = settings;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Scheduled(fixedDelayString = "${ratelink.unique-clicks.every-ms:600000}", initialDelayString = "${ratelink.unique-clicks.first-ms:60000}")
    void scheduled() {
        try {
            creditCompletedDays();
        } catch (RuntimeException e) {
            log.warn("Unique-click credits not booked this time: {}", e.toString());
        }
    }

    /** Credits every finished day not credited yet, of every partner paid per unique click; returns how many. */
    public int creditCompletedDays() {
        ZoneId zone = settings.zone();
        Instant now = clock.instant();
        LocalDate lastDay = now.minus(SETTLE).atZone(zone).toLocalDate().minusDays(1);
        int booked = 0;
        for (PartnerTerms terms : partnerships.payingPerUniqueClick()) {
            LocalDate from = terms.schemeSince().isAfter(lastDay.minusDays(LOOK_BACK_DAYS)) ? terms.schemeSince()
                    : lastDay.minusDays(LOOK_BACK_DAYS);
            if (from.isAfter(lastDay)) {
                continue;
            }
            Set<LocalDate> done = credits.creditedDays(terms.partnerId(), from, lastDay);
            for (Map.Entry<LocalDate, Long> day : statistics.uniqueVisitors(terms.partnerId(), from, lastDay).entrySet()) {
                if (!done.contains(day.getKey()) && credit(terms, day.getKey(), day.getValue(), now)) {
                    booked++;
                }
            }
        }
        return booked;
    }

    private boolean credit(PartnerTerms terms, LocalDate day, long visitors, Instant now) {
        BigDecimal amount = terms.uniqueClickReward().multiply(BigDecimal.valueOf(visitors));
        BigDecimal booked = amount.compareTo(RewardCalculation.MINIMUM.amount()) < 0 ? BigDecimal.ZERO : amount;
        UniqueClickCredit credit = new UniqueClickCredit(terms.partnerId(), day, visitors, terms.uniqueClickReward(), booked);
        try {
            return Boolean.TRUE.equals(transactions.execute(status -> {
                credits.insert(credit, now);
                if (booked.signum() > 0 && !ledger.book(terms.partnerId(), Ledger.Kind.CREDIT, BaseCurrency.of(booked), null, null,
                        key(terms.partnerId(), day))) {
                    status.setRollbackOnly();
                    return false;
                }
                return true;
            }));
        } catch (DuplicateKeyException e) {
            // Another run or node credited this day first: its credit stands, this one rolled back.
            return false;
        }
    }

    static String key(long partnerId, LocalDate day) {
        return "uclicks:" + partnerId + ":" + day;
    }

    /** The credited days of a month, oldest first: the partner's and the operator's statement. */
    public List<UniqueClickCredit> statement(long partnerId, YearMonth month) {
        return credits.between(partnerId, month.atDay(1), month.atEndOfMonth());
    }

    /** Everything the partner has been credited per unique click. */
    public BigDecimal total(long partnerId) {
        return credits.total(partnerId);
    }
}
