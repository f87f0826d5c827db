package app.ratelink.referral;

import java.time.Instant;

/** One stored click with everything the click log shows; {@code notCounted} null = counted. */
public record ClickRow(long id, long partnerId, String partnerCode, Instant time, boolean counted, String notCounted,
                       String browser, String userAgent, String ip, String referrer, String queryString,
                       String userHash, String target) {
}
