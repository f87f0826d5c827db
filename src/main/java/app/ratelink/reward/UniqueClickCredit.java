package app.ratelink.reward;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One day's pay per unique click: {@code visitors} × {@code reward} (base currency), {@code amount} as booked. */
public record UniqueClickCredit(long partnerId, LocalDate day, long visitors, BigDecimal reward, BigDecimal amount) {
}
