package app.ratelink.catalog.web;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import app.ratelink.catalog.Catalog;
import app.ratelink.catalog.Currency;
import app.ratelink.catalog.Direction;
import app.ratelink.catalog.Landing;
import app.ratelink.money.Decimals;

/**
 * The home page: what do you give, what do you get. Works without JavaScript (the selectors are a plain
 * GET form; choosing an open pair redirects to its page), a small script only narrows the "get" list to
 * what the chosen "give" can buy. Clients bounced here from a monitoring link see why ({@code notice}) and
 * the side we know pre-selected.
 */
@Controller
class HomeController {

    private final Catalog catalog;
    private final Landing landing;
    private final MessageSource messages;

    HomeController(Catalog catalog, Landing landing, MessageSource messages) {
        this.catalog = catalog;
        this.landing = landing;
        this.messages = messages;
    }

    /** One line of the directions table. */
    record Row(Currency from, Currency to, Direction direction, String rateIn, String rateOut, String reserve) {
        public String href() {
            return "/exchange/" + from.code() + "/" + to.code();
        }

        /** What the currency search matches: both sides' codes, names and aliases, lower case. */
        public String search() {
            return (words(from) + " " + words(to)).toLowerCase(Locale.ROOT);
        }

        boolean matches(String query) {
            return query == null || search().contains(query.toLowerCase(Locale.ROOT));
        }

        private static String words(Currency c) {
            return c.code() + " " + c.name() + " " + String.join(" ", c.aliases());
        }
    }

    /** The directions of one currency a client gives: on a phone the list reads as one group per currency. */
    record Group(Currency from, List<Row> rows) {
    }

    @GetMapping("/")
    String home(@RequestParam(required = false) String give, @RequestParam(required = false) String get,
                @RequestParam(required = false) String notice, @RequestParam(required = false) String city,
                @RequestParam(required = false) String amount, @RequestParam(required = false) String q,
                Locale locale, Model model) {
        Map<String, Currency> active = new LinkedHashMap<>();
        catalog.currencies().stream().filter(Currency::active).forEach(c -> active.put(c.code(), c));
        List<Row> rows = new ArrayList<>();
        for (Direction d : catalog.directions()) {
            Currency from = active.get(d.from());
            Currency to = active.get(d.to());
            if (d.active() && from != null && to != null) {
                rows.add(new Row(from, to, d, Decimals.plain(d.rateIn()), Decimals.plain(d.rateOut()),
                        Decimals.plain(to.reserve())));
            }
        }
        Optional<Currency> giveCurrency = Optional.ofNullable(give).flatMap(catalog::activeCurrency);
        Optional<Currency> getCurrency = Optional.ofNullable(get).flatMap(catalog::activeCurrency);
        String safeCity = city != null && city.matches("[A-Za-z0-9]{2,16}") ? city.toUpperCase(Locale.ROOT) : null;
        String safeAmount = amount != null && isAmount(amount) ? amount.trim() : null;

        if (notice == null && giveCurrency.isPresent() && getCurrency.isPresent()) {
            // The selector form was submitted with a pair: open pairs go to their page.
            String target = landing.target(new Landing.Request(giveCurrency.get().code(), getCurrency.get().code(),
                    safeCity, safeAmount));
            if (target.startsWith("/exchange/")) {
                return "redirect:" + target;
            }
            notice = Landing.NOTICE_UNAVAILABLE;
        }

        String query = q == null || q.isBlank() ? null : q.trim().substring(0, Math.min(q.trim().length(), 50));
        List<Row> shown = rows.stream()
                .filter(r -> giveCurrency.isEmpty() && getCurrency.isEmpty()
                        || giveCurrency.map(c -> r.from().code().equals(c.code())).orElse(false)
                        || getCurrency.map(c -> r.to().code().equals(c.code())).orElse(false))
                .filter(r -> r.matches(query))
                .toList();
        Map<String, List<Row>> byFrom = new LinkedHashMap<>();
        shown.forEach(r -> byFrom.computeIfAbsent(r.from().code(), k -> new ArrayList<>()).add(r));
        List<Group> groups = byFrom.values().stream().map(g -> new Group(g.get(0).from(), g)).toList();
        Map<String, String> reachable = new LinkedHashMap<>();
        for (Currency c : active.values()) {
            Set<String> targets = rows.stream().filter(r -> r.from().code().equals(c.code()))
                    .map(r -> r.to().code()).collect(Collectors.toCollection(LinkedHashSet::new));
            reachable.put(c.code(), String.join(" ", targets));
        }
        model.addAttribute("currencies", active.values());
        model.addAttribute("gives", active.values().stream().filter(c -> !reachable.get(c.code()).isEmpty()).toList());
        model.addAttribute("gets", active.values().stream()
                .filter(c -> rows.stream().anyMatch(r -> r.to().code().equals(c.code()))).toList());
        model.addAttribute("reachable", reachable);
        model.addAttribute("rows", shown);
        model.addAttribute("groups", groups);
        model.addAttribute("q", query);
        model.addAttribute("allCount", rows.size());
        model.addAttribute("give", giveCurrency.map(Currency::code).orElse(null));
        model.addAttribute("get", getCurrency.map(Currency::code).orElse(null));
        model.addAttribute("notice", noticeText(notice, giveCurrency, getCurrency, locale));
        model.addAttribute("noticeCode", notice);
        model.addAttribute("city", safeCity);
        model.addAttribute("prefill", prefill(safeCity, safeAmount));
        model.addAttribute("amount", safeAmount);
        return "public/home";
    }

    private String noticeText(String notice, Optional<Currency> give, Optional<Currency> get, Locale locale) {
        if (Landing.NOTICE_UNKNOWN.equals(notice)) {
            return messages.getMessage("site.home.notice.unknown", null, locale);
        }
        if (Landing.NOTICE_UNAVAILABLE.equals(notice)) {
            if (give.isPresent() && get.isPresent()) {
                return messages.getMessage("site.home.notice.pair", new Object[] {give.get().name(), get.get().name()},
                        locale);
            }
            return give.or(() -> get).map(c -> messages.getMessage("site.home.notice.side", new Object[] {c.name()},
                    locale)).orElse(messages.getMessage("site.home.notice.none", null, locale));
        }
        return null;
    }

    /** The pre-fills carried to a direction page, as a query string ("" when none). */
    private static String prefill(String city, String amount) {
        StringBuilder q = new StringBuilder();
        if (city != null) {
            q.append("city=").append(city);
        }
        if (amount != null) {
            q.append(q.isEmpty() ? "" : "&").append("amount=").append(URLEncoder.encode(amount, StandardCharsets.UTF_8));
        }
        return q.isEmpty() ? "" : "?" + q;
    }

    private static boolean isAmount(String text) {
        if (text.length() > 30) {
            return false;
        }
        try {
            return new BigDecimal(text.trim().replace(',', '.')).signum() > 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
