package app.ratelink.catalog;

import java.time.Instant;

/** A number that grows with every catalogue change, and when the last change happened. */
public record CatalogRevision(long number, Instant changedAt) {
}
