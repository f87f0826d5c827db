package app.ratelink.apikey;

import java.time.Instant;

/** One call made with a key: when, which method, from where, and what it was answered ("success" or the error). */
public record ApiKeyCall(Instant time, String method, String address, String result) {
}
