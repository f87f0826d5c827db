package app.ratelink.partnerapi;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * The validated options of a list method: {@code start_time}/{@code end_time} as inclusive unix seconds
 * (null = open), and {@code limit} (null = the whole range). A value that is present but not a whole
 * number, or a start after the end, is refused with the parameter's name, never guessed at.
 */
record ApiOptions(Instant from, Instant to, Integer limit) {

    private static final Pattern UNIX_SECONDS = Pattern.compile("\\d{1,12}");
    private static final Pattern COUNT = Pattern.compile("\\d{1,9}");

    static ApiOptions of(ApiCall call) {
        Long start = seconds(call.startTime(), "start_time");
        Long end = seconds(call.endTime(), "end_time");
        if (start != null && end != null && start > end) {
            throw ApiError.invalidParameter("start_time");
        }
        Integer limit = null;
        if (present(call.limit())) {
            String text = call.limit().trim();
            if (!COUNT.matcher(text).matches() || Integer.parseInt(text) < 1) {
                throw ApiError.invalidParameter("limit");
            }
            limit = Integer.valueOf(text);
        }
        // end_time is inclusive: a click at 12:00:00.700 belongs to end_time=12:00:00.
        return new ApiOptions(start == null ? null : Instant.ofEpochSecond(start),
                end == null ? null : Instant.ofEpochSecond(end).plusNanos(999_999_999), limit);
    }

    private static Long seconds(String value, String name) {
        if (!present(value)) {
            return null;
        }
        String text = value.trim();
        if (!UNIX_SECONDS.matcher(text).matches()) {
            throw ApiError.invalidParameter(name);
        }
        return Long.valueOf(text);
    }

    static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
