package app.ratelink.partner;

import java.math.BigDecimal;
import java.time.Instant;

/** A partner account as other features see it. {@code rewardPercent} is the personal %, null when unset. */
public record Partner(long id, String code, String email, boolean confirmed, boolean banned,
                      BigDecimal rewardPercent, String notes, Instant createdAt) {
}
