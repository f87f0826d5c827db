package app.ratelink.catalog;

/** Published after a catalogue change committed on this node. */
public record CatalogChanged(long revision) {
}
