package app.ratelink.partner.web;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import app.ratelink.catalog.Catalog;
import app.ratelink.catalog.Currency;
import app.ratelink.catalog.Direction;
import app.ratelink.partner.Partner;
import app.ratelink.partner.Partners;

/**
 * Profile → "Partnership program" (the seed: "your partnership link is located below"): the partner link,
 * a link builder for a direction (adds {@code ?cur_from=…&cur_to=…}) with copy buttons, and the statistics
 * block that the clicks feature fills in through {@code /account/partner/stats}.
 */
@Controller
class PartnershipController {

    private final Partners partners;
    private final Catalog catalog;

    PartnershipController(Partners partners, Catalog catalog) {
        this.partners = partners;
        this.catalog = catalog;
    }

    record Option(String code, String name, String targets) {
    }

    @GetMapping("/account")
    String account() {
        return "redirect:/account/partner";
    }

    @GetMapping("/account/partner")
    String partnership(Model model) {
        Partner partner = Cabinet.partner(partners);
        model.addAttribute("partner", partner);
        model.addAttribute("link", partners.link(partner));

        Map<String, Currency> active = catalog.currencies().stream().filter(Currency::active)
                .collect(Collectors.toMap(Currency::code, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        List<Direction> open = catalog.directions().stream().filter(Direction::active)
                .filter(d -> active.containsKey(d.from()) && active.containsKey(d.to())).toList();
        Set<String> gets = open.stream().map(Direction::to).collect(Collectors.toCollection(LinkedHashSet::new));
        model.addAttribute("gives", active.values().stream()
                .filter(c -> open.stream().anyMatch(d -> d.from().equals(c.code())))
                .map(c -> new Option(c.code(), c.name(), open.stream().filter(d -> d.from().equals(c.code()))
                        .map(Direction::to).collect(Collectors.joining(" "))))
                .toList());
        model.addAttribute("gets", active.values().stream().filter(c -> gets.contains(c.code()))
                .map(c -> new Option(c.code(), c.name(), "")).toList());
        return "partner/partnership";
    }
}
