package app.ratelink.rates;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of rate source and where each answers by default; a source may name another URL (a mirror, a
 * proxy). The keys each kind gives its values are documented on {@link SourceFormats}.
 */
public enum RateSourceType {
    BINANCE("binance", "https://api.binance.com/api/v3/ticker/bookTicker"),
    KRAKEN("kraken", "https://api.kraken.com/0/public/Ticker"),
    CBR("cbr", "https://www.cbr.ru/scripts/XML_daily.asp"),
    ECB("ecb", "https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml"),
    BESTCHANGE("bestchange", ""),
    JSON("json", "");

    private final String code;
    private final String defaultUrl;

    RateSourceType(String code, String defaultUrl) {
        this.code = code;
        this.defaultUrl = defaultUrl;
    }

    public String code() {
        return code;
    }

    public String defaultUrl() {
        return defaultUrl;
    }

    public static Optional<RateSourceType> of(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String c = code.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.code.equals(c)).findFirst();
    }
}
