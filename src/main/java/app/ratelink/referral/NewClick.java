package app.ratelink.referral;

import java.time.Instant;
import java.time.LocalDate;

import app.ratelink.order.SubIds;

/**
 * A click about to be stored, already cropped to the column sizes. {@code notCounted} null = billed;
 * {@code subIds}: the partner's tags of the link ({@link SubIds} crops its own).
 */
record NewClick(long partnerId, Instant createdAt, LocalDate day, String notCounted, String browser,
                String userAgent, String ip, String referrer, String queryString, String userHash,
                String target, SubIds subIds) {

    NewClick {
        subIds = subIds == null ? SubIds.NONE : subIds;
    }

    NewClick(long partnerId, Instant createdAt, LocalDate day, String notCounted, String browser, String userAgent,
             String ip, String referrer, String queryString, String userHash, String target) {
        this(partnerId, createdAt, day, notCounted, browser, userAgent, ip, referrer, queryString, userHash, target,
                SubIds.NONE);
    }

    static final int BROWSER = 64;
    static final int USER_AGENT = 512;
    static final int IP = 45;
    static final int REFERRER = 1024;
    static final int QUERY_STRING = 2048;
    static final int USER_HASH = 16;
    static final int TARGET = 512;

    boolean counted() {
        return notCounted == null;
    }

    /**
     * Cropped to {@code max} characters (never splitting a surrogate pair) with NUL replaced: PostgreSQL
     * refuses NUL in text, and a click must never be refused for what a client sent.
     */
    static String crop(String value, int max) {
        if (value == null) {
            return "";
        }
        String v = value.indexOf('\0') >= 0 ? value.replace('\0', '\uFFFD') : value;
        if (v.length() <= max) {
            return v;
        }
        int end = Character.isHighSurrogate(v.charAt(max - 1)) ? max - 1 : max;
        return v.substring(0, end);
    }
}
