package app.ratelink.rates;

import java.util.List;

/** A direction out of the feeds because a rate source its formula reads is stale; {@code sources} names them. */
public record StaleDirection(String from, String to, List<String> sources) {
}
