package app.ratelink.feed;

/** Published after a feed profile was saved on this node. */
public record FeedProfileChanged(String code) {
}
