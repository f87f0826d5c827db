package app.ratelink.catalog;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import app.ratelink.money.Decimals;

/**
 * A plausible catalogue on the first start with an empty database ({@code ratelink.demo-data=true}),
 * so that a newcomer sees a working exchanger at once: real monitoring codes, rates derived from USD
 * values with a 2% margin, cash directions with BestChange city codes.
 */
@Component
@Order(10)
class DemoCatalog implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCatalog.class);
    private static final BigDecimal MARGIN = new BigDecimal("0.98");

    private final Catalog catalog;
    private final TransactionTemplate tx;
    private final boolean enabled;

    DemoCatalog(Catalog catalog, TransactionTemplate tx, @Value("${ratelink.demo-data:false}") boolean enabled) {
        this.catalog = catalog;
        this.tx = tx;
        this.enabled = enabled;
    }

    private record Demo(String code, String name, String unit, int scale, String usd, String reserve,
                        String pattern, String instructions) {
    }

    private static final List<Demo> CURRENCIES = List.of(
            new Demo("PMUSD", "Perfect Money USD", "USD", 2, "1", "25000", "^U\\d{7,8}$", "Send to Perfect Money account U1234567"),
            new Demo("PMEUR", "Perfect Money EUR", "EUR", 2, "1.08", "12000", "^E\\d{7,8}$", "Send to Perfect Money account E1234567"),
            new Demo("PRUSD", "Payeer USD", "USD", 2, "1", "18000", "^P\\d{7,10}$", "Send to Payeer account P1000000"),
            new Demo("PRRUB", "Payeer RUB", "RUB", 2, "0.011", "1500000", "^P\\d{7,10}$", "Send to Payeer account P1000000"),
            new Demo("ADVCUSD", "AdvCash USD", "USD", 2, "1", "15000", "", "Send to AdvCash wallet ops@example.com"),
            new Demo("ADVCRUB", "AdvCash RUB", "RUB", 2, "0.011", "900000", "", "Send to AdvCash wallet ops@example.com"),
            new Demo("BTC", "Bitcoin", "BTC", 8, "65000", "3.5", "^(bc1|[13])[a-zA-HJ-NP-Z0-9]{25,61}$", "Send BTC to bc1qdemoaddress0000000000000000000000"),
            new Demo("ETH", "Ethereum", "ETH", 8, "3200", "60", "^0x[a-fA-F0-9]{40}$", "Send ETH to 0x0000000000000000000000000000000000000000"),
            new Demo("LTC", "Litecoin", "LTC", 8, "80", "900", "", "Send LTC to ltc1qdemoaddress"),
            new Demo("XMR", "Monero", "XMR", 8, "160", "400", "", "Send XMR to the address shown after confirmation"),
            new Demo("USDTTRC20", "Tether TRC20", "USDT", 6, "1", "120000", "^T[1-9A-HJ-NP-Za-km-z]{33}$", "Send USDT (TRC20) to TDemoAddress000000000000000000000"),
            new Demo("USDTERC20", "Tether ERC20", "USDT", 6, "1", "80000", "^0x[a-fA-F0-9]{40}$", "Send USDT (ERC20) to 0x0000000000000000000000000000000000000000"),
            new Demo("TRX", "Tron", "TRX", 6, "0.12", "500000", "^T[1-9A-HJ-NP-Za-km-z]{33}$", "Send TRX to TDemoAddress000000000000000000000"),
            new Demo("SBERRUB", "Sberbank RUB", "RUB", 2, "0.011", "3000000", "^\\d{16,19}$", "Transfer to card 2202 2000 0000 0000"),
            new Demo("TCSBRUB", "Tinkoff RUB", "RUB", 2, "0.011", "2500000", "^\\d{16,19}$", "Transfer to card 2200 7000 0000 0000"),
            new Demo("CARDRUB", "Visa/MasterCard RUB", "RUB", 2, "0.011", "2000000", "^\\d{16,19}$", "Transfer to card 4000 0000 0000 0000"),
            new Demo("CARDUAH", "Visa/MasterCard UAH", "UAH", 2, "0.024", "900000", "^\\d{16,19}$", "Transfer to card 4000 0000 0000 0001"),
            new Demo("CASHUSD", "Cash USD", "USD", 0, "1", "50000", "", "Our office will contact you to arrange the meeting"),
            new Demo("CASHRUB", "Cash RUB", "RUB", 0, "0.011", "4000000", "", "Our office will contact you to arrange the meeting"),
            new Demo("CASHEUR", "Cash EUR", "EUR", 0, "1.08", "30000", "", "Our office will contact you to arrange the meeting"));

    private static final String[][] PAIRS = {
            {"PMUSD", "BTC"}, {"BTC", "PMUSD"}, {"PMUSD", "ETH"}, {"ETH", "PMUSD"}, {"PMUSD", "USDTTRC20"},
            {"USDTTRC20", "PMUSD"}, {"PMUSD", "LTC"}, {"LTC", "PMUSD"}, {"PMUSD", "XMR"}, {"PMEUR", "BTC"},
            {"BTC", "PMEUR"}, {"PRUSD", "BTC"}, {"BTC", "PRUSD"}, {"PRUSD", "USDTTRC20"}, {"USDTTRC20", "PRUSD"},
            {"PRRUB", "BTC"}, {"ADVCUSD", "BTC"}, {"BTC", "ADVCUSD"}, {"ADVCUSD", "USDTTRC20"}, {"ADVCRUB", "USDTTRC20"},
            {"BTC", "SBERRUB"}, {"SBERRUB", "BTC"}, {"BTC", "TCSBRUB"}, {"TCSBRUB", "BTC"}, {"BTC", "CARDRUB"},
            {"CARDRUB", "BTC"}, {"USDTTRC20", "SBERRUB"}, {"SBERRUB", "USDTTRC20"}, {"USDTTRC20", "TCSBRUB"},
            {"TCSBRUB", "USDTTRC20"}, {"USDTTRC20", "CARDRUB"}, {"CARDRUB", "USDTTRC20"}, {"USDTTRC20", "CARDUAH"},
            {"CARDUAH", "USDTTRC20"}, {"ETH", "SBERRUB"}, {"ETH", "USDTTRC20"}, {"USDTTRC20", "ETH"},
            {"BTC", "USDTTRC20"}, {"USDTTRC20", "BTC"}, {"BTC", "ETH"}, {"ETH", "BTC"}, {"LTC", "BTC"},
            {"BTC", "LTC"}, {"XMR", "BTC"}, {"TRX", "USDTTRC20"}, {"USDTTRC20", "TRX"}, {"USDTERC20", "USDTTRC20"},
            {"USDTTRC20", "USDTERC20"}, {"USDTERC20", "PMUSD"}, {"PMUSD", "USDTERC20"}, {"BTC", "CASHUSD"},
            {"CASHUSD", "BTC"}, {"USDTTRC20", "CASHUSD"}, {"CASHUSD", "USDTTRC20"}, {"USDTTRC20", "CASHRUB"},
            {"CASHRUB", "USDTTRC20"}, {"BTC", "CASHRUB"}, {"USDTTRC20", "CASHEUR"}, {"CASHEUR", "USDTTRC20"},
            {"SBERRUB", "PMUSD"}, {"PMUSD", "SBERRUB"}};

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || !catalog.currencies().isEmpty()) {
            return;
        }
        tx.executeWithoutResult(status -> load());
        log.info("Demo catalogue loaded: {} currencies, {} directions", CURRENCIES.size(), PAIRS.length);
    }

    private void load() {
        for (Demo d : CURRENCIES) {
            boolean payout = d.code.equals("PMUSD") || d.code.equals("BTC") || d.code.equals("USDTTRC20");
            catalog.saveCurrency(d.code, new CurrencyChange(d.name, d.unit, d.scale, new BigDecimal(d.reserve),
                    new BigDecimal(d.usd), true, payout, payout ? new BigDecimal("2") : BigDecimal.ZERO,
                    d.instructions, d.pattern, d.code.equals("USDTTRC20") ? List.of("USDTTRC") : List.of()));
        }
        for (String[] pair : PAIRS) {
            Demo from = demo(pair[0]);
            Demo to = demo(pair[1]);
            BigDecimal price = new BigDecimal(from.usd).divide(new BigDecimal(to.usd), MathContext.DECIMAL64)
                    .multiply(MARGIN);
            BigDecimal in;
            BigDecimal out;
            if (price.compareTo(BigDecimal.ONE) >= 0) {
                in = BigDecimal.ONE;
                out = Decimals.down(price, Math.max(to.scale, 2));
            } else {
                in = BigDecimal.ONE.divide(price, 8, RoundingMode.UP);
                out = BigDecimal.ONE;
            }
            BigDecimal fromUsd = new BigDecimal(from.usd);
            BigDecimal min = new BigDecimal("10").divide(fromUsd, from.scale, RoundingMode.UP);
            BigDecimal max = new BigDecimal("5000").divide(fromUsd, from.scale, RoundingMode.DOWN);
            List<String> cities = to.code.startsWith("CASH") || from.code.startsWith("CASH")
                    ? List.of("MSK", "SPB") : List.of();
            List<String> flags = new ArrayList<>();
            if (!cities.isEmpty() || to.code.endsWith("RUB") || to.code.endsWith("UAH")) {
                flags.add("manual");
            }
            if (from.code.startsWith("CARD") || from.code.equals("SBERRUB") || from.code.equals("TCSBRUB")) {
                flags.add("verifying");
                flags.add("cardverify");
            }
            catalog.saveDirection(from.code, to.code, new DirectionChange(in, out, min, max, new BigDecimal("2"),
                    flags, cities, true, null, null, to.code.equals("BTC") ? "0.0002" : null, null, null));
        }
    }

    private static Demo demo(String code) {
        return CURRENCIES.stream().filter(d -> d.code.equals(code)).findFirst().orElseThrow();
    }
}
