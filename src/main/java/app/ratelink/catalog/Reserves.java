package app.ratelink.catalog;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.ratelink.system.NotFoundException;

/**
 * Reserves that move. The operator sets a currency's base reserve; what a paid order will pay out is held from
 * it, booked (taken out of the base) when the order succeeds, released when the order leaves without paying;
 * a paid partner payout is taken out of the base too. Pages and feeds show base − holds
 * ({@link Currency#available()}).
 * <p>
 * Every change runs in the caller's transaction under the currency's row lock ({@code SELECT … FOR UPDATE}), so
 * two orders on two nodes racing for the last of a reserve are serialised and only one is held; the one row per
 * order in {@code reserve_holds} keeps a hold from being taken or booked twice. Each change bumps the catalogue
 * revision, so every node's feeds are rebuilt.
 */
@Service
public class Reserves {

    static final String HELD = "held";
    static final String BOOKED = "booked";
    static final String RELEASED = "released";

    private final ReserveRepository repository;
    private final Catalog catalog;
    private final Clock clock;

    Reserves(ReserveRepository repository, Catalog catalog, Clock clock) {
        this.repository = repository;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** Base − holds of a currency right now, at its scale. */
    @Transactional(readOnly = true)
    public BigDecimal available(String code) {
        return catalog.currency(code).map(Currency::available).orElse(BigDecimal.ZERO);
    }

    /**
     * Holds {@code amount} of {@code code} for the order; a no-op when the order already holds it. Throws
     * {@link ReserveExceededException} (and holds nothing) when the available reserve is smaller.
     */
    @Transactional
    public void hold(long orderId, String code, BigDecimal amount) {
        BigDecimal base = lock(code);
        Optional<ReserveRepository.Hold> current = repository.hold(orderId);
        if (current.isPresent() && !current.get().state().equals(RELEASED)) {
            return;
        }
        BigDecimal available = base.subtract(repository.held(code));
        if (amount.compareTo(available) > 0) {
            throw new ReserveExceededException(code, amount, available.max(BigDecimal.ZERO));
        }
        Instant now = clock.instant();
        repository.put(orderId, code, amount, HELD, now);
        catalog.reservesChanged(now);
    }

    /** The order paid out: its amount leaves the base reserve (held or not before); a no-op when booked already. */
    @Transactional
    public void book(long orderId, String code, BigDecimal amount) {
        lock(code);
        Optional<ReserveRepository.Hold> current = repository.hold(orderId);
        if (current.isPresent() && current.get().state().equals(BOOKED)) {
            return;
        }
        Instant now = clock.instant();
        repository.addToBase(code, amount.negate(), now);
        repository.put(orderId, code, amount, BOOKED, now);
        catalog.reservesChanged(now);
    }

    /**
     * The order left without paying out (cancel, error, refund): a hold is released; an order that had been
     * booked gives its amount back to the base. A no-op when nothing stands.
     */
    @Transactional
    public void release(long orderId) {
        Optional<ReserveRepository.Hold> current = repository.hold(orderId);
        if (current.isEmpty() || current.get().state().equals(RELEASED)) {
            return;
        }
        ReserveRepository.Hold hold = current.get();
        lock(hold.currency());
        // Read again under the lock: another node may have moved it meanwhile.
        hold = repository.hold(orderId).orElseThrow();
        Instant now = clock.instant();
        if (hold.state().equals(BOOKED)) {
            repository.addToBase(hold.currency(), hold.amount(), now);
        } else if (!hold.state().equals(HELD)) {
            return;
        }
        repository.put(orderId, hold.currency(), hold.amount(), RELEASED, now);
        catalog.reservesChanged(now);
    }

    /** Money that left the exchanger's {@code code} account outside an order (a paid partner payout). */
    @Transactional
    public void spend(String code, BigDecimal amount) {
        if (amount.signum() <= 0) {
            return;
        }
        lock(code);
        Instant now = clock.instant();
        repository.addToBase(code, amount.negate(), now);
        catalog.reservesChanged(now);
    }

    private BigDecimal lock(String code) {
        return repository.lockBase(code).orElseThrow(() -> new NotFoundException("No currency " + code));
    }
}
