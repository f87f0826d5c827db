package app.ratelink.rates;

/** A value named in a formula: {@code binance:BTCUSDT.bid} is source {@code binance}, key {@code BTCUSDT.bid}. */
public record SourceRef(String source, String key) {

    @Override
    public String toString() {
        return source + ":" + key;
    }
}
