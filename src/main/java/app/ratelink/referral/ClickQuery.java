package app.ratelink.referral;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Filters of a click listing. Null = no filter. {@code flag}: "counted", "not-counted" or one reason
 * (bot, head, prefetch, own). {@code before}: the (time, id) of the last row of the previous page.
 * Text filters match anywhere in the value, case-insensitively; {@code userHash} and {@code ip} exactly.
 */
public record ClickQuery(Long partnerId, LocalDate from, LocalDate to, String browser, String referrer, String ip,
                         String userHash, String flag, Instant beforeTime, Long beforeId) {

    public static ClickQuery ofPartner(long partnerId, LocalDate from, LocalDate to, String browser, String referrer,
                                       String userHash) {
        return new ClickQuery(partnerId, from, to, browser, referrer, null, userHash, "counted", null, null);
    }

    public ClickQuery before(Instant time, long id) {
        return new ClickQuery(partnerId, from, to, browser, referrer, ip, userHash, flag, time, id);
    }
}
