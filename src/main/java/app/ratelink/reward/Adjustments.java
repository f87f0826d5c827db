package app.ratelink.reward;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.ratelink.money.BaseCurrency;
import app.ratelink.money.Decimals;
import app.ratelink.money.Money;
import app.ratelink.partner.Partners;
import app.ratelink.system.AuditTrail;
import app.ratelink.system.BadRequestException;
import app.ratelink.system.ConflictException;
import app.ratelink.system.NotFoundException;
import app.ratelink.system.Refusal;

/**
 * An operator's correction of a partner's balance: a goodwill credit (positive) or a chargeback (negative),
 * always with a reason, booked as a ledger entry of its own kind (never an edit). The client's {@code key}
 * is the ledger's idempotency key: posting the same adjustment twice (a retried request, a double click)
 * books it once; the same key with another partner, amount or reason is a conflict. Each booking is
 * recorded in the audit trail in its transaction.
 */
@Service
public class Adjustments {

    public static final int REASON_LENGTH = 500;
    public static final int KEY_LENGTH = 100;
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1," + KEY_LENGTH + "}");
    private static final BigDecimal LIMIT = new BigDecimal("1000000000");

    private final Ledger ledger;
    private final Partners partners;
    private final AuditTrail audit;

    Adjustments(Ledger ledger, Partners partners, AuditTrail audit) {
        this.ledger = ledger;
        this.partners = partners;
        this.audit = audit;
    }

    /** The adjustment's entry and whether this call booked it (false: the key had booked it before). */
    public record Posted(Ledger.Entry entry, boolean booked, Money balance) {
    }

    @Transactional
    public Posted post(long partnerId, BigDecimal amount, String reason, String key) {
        partners.byId(partnerId).orElseThrow(() -> new NotFoundException("No partner " + partnerId));
        String why = reason == null ? "" : reason.strip();
        String k = key == null ? "" : key.strip();
        if (!KEY.matcher(k).matches()) {
            throw new BadRequestException("key", Refusal.of("refusal.adjustment.key",
                    "key must be 1-" + KEY_LENGTH + " letters, digits or . _ : -", KEY_LENGTH));
        }
        if (amount == null || amount.signum() == 0) {
            throw new BadRequestException("amount", Refusal.of("refusal.adjustment.amount", "amount must be a non-zero number"));
        }
        // Refused, not rounded: an adjustment finer than the base currency's scale would be booked as another amount.
        if (amount.stripTrailingZeros().scale() > BaseCurrency.scale() || amount.abs().compareTo(LIMIT) >= 0) {
            throw new BadRequestException("amount", Refusal.of("refusal.adjustment.amountRange", "amount must have at most "
                    + BaseCurrency.scale() + " decimals and be below " + LIMIT.toPlainString(), BaseCurrency.scale(),
                    LIMIT.toPlainString()));
        }
        if (why.isEmpty() || why.length() > REASON_LENGTH) {
            throw new BadRequestException("reason", Refusal.of("refusal.adjustment.reason",
                    "reason is required, at most " + REASON_LENGTH + " characters", REASON_LENGTH));
        }
        Money exact = BaseCurrency.of(Decimals.normalized(amount));
        String ledgerKey = "adjustment:" + k;
        ledger.lockPartner(partnerId);
        Money before = ledger.balance(partnerId);
        boolean booked = ledger.book(partnerId, Ledger.Kind.ADJUSTMENT, exact, null, null, ledgerKey, why);
        Ledger.Entry entry = ledger.byKey(ledgerKey).orElseThrow();
        if (!booked) {
            if (entry.partnerId() != partnerId || entry.kind() != Ledger.Kind.ADJUSTMENT
                    || !entry.amount().equals(exact) || !Objects.equals(entry.reason(), why)) {
                throw new ConflictException(Refusal.of("refusal.adjustment.keyUsed",
                        "key " + k + " was used for another adjustment", k));
            }
            return new Posted(entry, false, before);
        }
        Money after = ledger.balance(partnerId);
        Map<String, Object> was = new LinkedHashMap<>();
        was.put("balance", before.amount());
        Map<String, Object> is = new LinkedHashMap<>();
        is.put("balance", after.amount());
        is.put("amount", exact.amount());
        is.put("reason", why);
        is.put("key", k);
        audit.record("partner.adjustment", "partner " + partnerId, was, is);
        return new Posted(entry, true, after);
    }
}
