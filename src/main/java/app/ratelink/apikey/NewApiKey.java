package app.ratelink.apikey;

/** A key just created: {@code key} is the only time the full key exists outside the partner's hands. */
public record NewApiKey(ApiKey listed, String key) {
}
