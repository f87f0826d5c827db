package app.ratelink.feed;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import app.ratelink.catalog.Currency;
import app.ratelink.catalog.Direction;
import app.ratelink.catalog.DirectionFlag;
import app.ratelink.catalog.Fee;

/**
 * One fixed catalogue for every feed golden file: rates below and above 1, 8-decimal crypto, a cash
 * direction in two cities, fees of both kinds, flags, and three directions that must not be listed
 * (inactive currency, inactive direction, reserve below the minimum order).
 */
final class FeedCatalogFixture {

    static final List<Currency> CURRENCIES = List.of(
            currency(1, "PMUSD", "USD", 2, "25000.5"),
            currency(2, "BTC", "BTC", 8, "3.5"),
            currency(3, "SBERRUB", "RUB", 2, "1500000"),
            currency(4, "CASHUSD", "USD", 2, "50000"),
            currency(5, "USDTTRC20", "USDT", 6, "120000.123456"),
            new Currency(6, "CARDRUB", "Card RUB", "RUB", 2, new BigDecimal("100"), BigDecimal.ONE, false, false,
                    BigDecimal.ZERO, "", "", List.of()));

    static final List<Direction> DIRECTIONS = List.of(
            direction(1, "PMUSD", "BTC", "65500", "1", "10", "5000", null, Fee.parse("0.5%"), null,
                    EnumSet.of(DirectionFlag.MANUAL, DirectionFlag.VERIFYING), List.of(), true),
            direction(2, "BTC", "SBERRUB", "1", "5234567.891", "0.001", "2", Fee.parse("0.0001"), null, Fee.parse("100"),
                    EnumSet.noneOf(DirectionFlag.class), List.of(), true),
            direction(3, "BTC", "PMUSD", "1", "64321.123456789", "0.0005", "1", null, null, null,
                    EnumSet.of(DirectionFlag.FLOATING), List.of(), true),
            direction(4, "PMUSD", "CASHUSD", "1", "0.97", "500", "20000", null, null, Fee.parse("1.5%"),
                    EnumSet.of(DirectionFlag.DELIVERY, DirectionFlag.REG), List.of("MSK", "SPB"), true),
            direction(5, "USDTTRC20", "BTC", "66000", "1", "50", "100000", null, null, null,
                    EnumSet.noneOf(DirectionFlag.class), List.of(), true),
            direction(6, "SBERRUB", "CARDRUB", "1", "0.99", "1000", "100000", null, null, null,
                    EnumSet.noneOf(DirectionFlag.class), List.of(), true),
            direction(7, "PMUSD", "USDTTRC20", "1", "0.98", "10", "1000", null, null, null,
                    EnumSet.noneOf(DirectionFlag.class), List.of(), false),
            direction(8, "SBERRUB", "BTC", "5300000", "1", "20000000", "30000000", null, null, null,
                    EnumSet.noneOf(DirectionFlag.class), List.of(), true));

    static FeedProfile profile(XmlFlavour flavour, Map<String, String> aliases) {
        return new FeedProfile("test", "Test", true, flavour, List.of(), aliases, Instant.parse("2026-01-01T00:00:00Z"));
    }

    private FeedCatalogFixture() {
    }

    private static Currency currency(long id, String code, String unit, int scale, String reserve) {
        return new Currency(id, code, code + " name", unit, scale, new BigDecimal(reserve), BigDecimal.ONE, true, false,
                BigDecimal.ZERO, "", "", List.of());
    }

    private static Direction direction(long id, String from, String to, String in, String out, String min, String max,
                                       Fee minFee, Fee fromFee, Fee toFee, EnumSet<DirectionFlag> flags,
                                       List<String> cities, boolean active) {
        return new Direction(id, from, to, new BigDecimal(in), new BigDecimal(out), new BigDecimal(min), new BigDecimal(max),
                minFee, fromFee, toFee, flags, cities, new BigDecimal("2"), null, null, active);
    }
}
