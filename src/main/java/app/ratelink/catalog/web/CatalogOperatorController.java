package app.ratelink.catalog.web;

import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;

import app.ratelink.catalog.Catalog;
import app.ratelink.catalog.Currency;
import app.ratelink.catalog.CurrencyChange;
import app.ratelink.catalog.Direction;
import app.ratelink.catalog.DirectionChange;
import app.ratelink.catalog.RateChange;
import app.ratelink.operatorapi.OperatorApi;
import app.ratelink.system.NotFoundException;

/** Catalogue upserts for the operator's back office and the external rate parser. */
@OperatorApi
@RequestMapping("/api/operator/v1")
class CatalogOperatorController {

    private final Catalog catalog;

    CatalogOperatorController(Catalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/currencies")
    List<CurrencyView> currencies() {
        Map<String, String> formulas = catalog.reserveFormulas();
        return catalog.currencies().stream().map(c -> CurrencyView.of(c, formulas)).toList();
    }

    @GetMapping("/currencies/{code}")
    CurrencyView currency(@PathVariable String code) {
        return catalog.currency(code).map(c -> CurrencyView.of(c, catalog.reserveFormulas()))
                .orElseThrow(() -> new NotFoundException("No currency " + code));
    }

    @PutMapping("/currencies/{code}")
    CurrencyView saveCurrency(@PathVariable String code, @RequestBody CurrencyChange change) {
        return CurrencyView.of(catalog.saveCurrency(code, change), catalog.reserveFormulas());
    }

    @GetMapping("/directions")
    List<DirectionView> directions() {
        return catalog.directions().stream().map(DirectionView::of).toList();
    }

    @GetMapping("/directions/{from}/{to}")
    DirectionView direction(@PathVariable String from, @PathVariable String to) {
        return catalog.direction(from, to).map(DirectionView::of)
                .orElseThrow(() -> new NotFoundException("No direction " + from + "->" + to));
    }

    @PutMapping("/directions/{from}/{to}")
    DirectionView saveDirection(@PathVariable String from, @PathVariable String to,
                                @RequestBody DirectionChange change) {
        return DirectionView.of(catalog.saveDirection(from, to, change));
    }

    /** All or nothing: one unknown direction or bad number refuses the whole batch. */
    @PostMapping("/rates")
    Map<String, Object> rates(@RequestBody List<RateChange> changes) {
        int updated = catalog.updateRates(changes);
        return Map.of("updated", updated, "revision", catalog.revision().number());
    }

    record CurrencyView(long id, String code, String name, String unit, int scale, java.math.BigDecimal reserve,
                        java.math.BigDecimal usdRate, boolean active, boolean payoutAllowed,
                        java.math.BigDecimal payoutFeePercent, String paymentInstructions, String accountPattern,
                        List<String> aliases, String reserveFormula, java.math.BigDecimal reserveAlert) {
        static CurrencyView of(Currency c, Map<String, String> reserveFormulas) {
            return new CurrencyView(c.id(), c.code(), c.name(), c.unit(), c.scale(), c.reserve(), c.usdRate(),
                    c.active(), c.payoutAllowed(), c.payoutFeePercent(), c.paymentInstructions(),
                    c.accountPattern(), c.aliases(), reserveFormulas.get(c.code()), c.reserveAlert());
        }
    }

    record DirectionView(long id, String from, String to, java.math.BigDecimal in, java.math.BigDecimal out,
                         java.math.BigDecimal minAmount, java.math.BigDecimal maxAmount, String minFee,
                         String fromFee, String toFee, List<String> flags, List<String> cities,
                         java.math.BigDecimal profitPercent, java.math.BigDecimal rewardPercent,
                         java.math.BigDecimal rewardFixed, boolean active, String rateFormula,
                         boolean rateAvailable) {
        static DirectionView of(Direction d) {
            return new DirectionView(d.id(), d.from(), d.to(), d.rateIn(), d.rateOut(), d.minAmount(),
                    d.maxAmount(), text(d.minFee()), text(d.fromFee()), text(d.toFee()),
                    d.flags().stream().map(f -> f.code()).toList(), d.cities(), d.profitPercent(),
                    d.rewardPercent(), d.rewardFixed(), d.active(), d.rateFormula(), d.rateAvailable());
        }

        private static String text(Object fee) {
            return fee == null ? null : fee.toString();
        }
    }
}
