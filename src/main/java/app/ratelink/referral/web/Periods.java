package app.ratelink.referral.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Dates from query parameters: a bad or missing one is no filter, never an error page. */
final class Periods {

    private Periods() {
    }

    static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
