package app.ratelink.referral.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Dates from query parameters: a bad or missing one is no filter, never an error page. */
final class Periods {

    private Periods() {
    }

    /** The newest time a paging cursor may name (9999-12-31): later ones are no cursor. */
    static final long MAX_EPOCH_MILLI = 253_402_300_799_999L;

    /** A paging cursor's time (epoch milliseconds) that a database can compare, else null. */
    static java.time.Instant cursorTime(Long epochMilli) {
        return epochMilli == null || epochMilli < 0 || epochMilli > MAX_EPOCH_MILLI ? null
                : java.time.Instant.ofEpochMilli(epochMilli);
    }

    static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text.trim());
            // +999999999-12-31 parses, but no database keeps such a time: as bad as a malformed date.
            return date.getYear() < 1900 || date.getYear() > 9999 ? null : date;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
