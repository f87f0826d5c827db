package app.ratelink.order.web;

import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import app.ratelink.catalog.Catalog;
import app.ratelink.catalog.Currency;
import app.ratelink.catalog.Direction;
import app.ratelink.catalog.Landing;
import app.ratelink.money.Decimals;
import app.ratelink.money.Money;
import app.ratelink.order.InvalidOrderException;
import app.ratelink.order.Order;
import app.ratelink.order.OrderClients;
import app.ratelink.order.OrderForm;
import app.ratelink.order.OrderPlacement;
import app.ratelink.order.OrderPricing;
import app.ratelink.system.Settings;

/**
 * The direction page {@code /exchange/{FROM}/{TO}}: rate, reserve, limits, fees and the order form
 * ({@code amount}, {@code account}, {@code email}). Codes in any case or as aliases redirect to the
 * canonical URL; an unknown or closed direction sends the client home with a notice, never to an error.
 */
@Controller
class ExchangeController {

    private final Catalog catalog;
    private final Landing landing;
    private final OrderPlacement placement;
    private final OrderClients clients;
    private final Settings settings;

    ExchangeController(Catalog catalog, Landing landing, OrderPlacement placement, OrderClients clients,
                       Settings settings) {
        this.catalog = catalog;
        this.landing = landing;
        this.placement = placement;
        this.clients = clients;
        this.settings = settings;
    }

    /** What the page shows about a direction. */
    record DirectionView(Direction direction, Currency from, Currency to, String rateIn, String rateOut,
                         String reserve, String min, String max, String maxByReserve) {
    }

    @GetMapping("/exchange/{from}/{to}")
    String page(@PathVariable String from, @PathVariable String to,
                @RequestParam(required = false) String amount, @RequestParam(required = false) String city,
                Model model) {
        Optional<DirectionView> view = view(from, to);
        if (view.isEmpty()) {
            return "redirect:" + landing.target(new Landing.Request(from, to, city, amount));
        }
        DirectionView v = view.get();
        if (!v.from().code().equals(from) || !v.to().code().equals(to)) {
            // Canonical URL (upper-case codes, aliases resolved), keeping only the validated pre-fills.
            return "redirect:" + landing.target(new Landing.Request(v.from().code(), v.to().code(), city, amount));
        }
        String prefilledCity = city == null ? null : city.trim().toUpperCase(Locale.ROOT);
        OrderForm form = new OrderForm(v.from().code(), v.to().code(),
                OrderPricing.parseAmount(amount).filter(a -> a.signum() > 0).map(Decimals::plain).orElse(""),
                "", "", prefilledCity != null && v.direction().cities().contains(prefilledCity) ? prefilledCity : null);
        return render(v, form, model);
    }

    /**
     * The order form as Spring MVC binds it ({@code amount}, {@code account}, {@code email}, {@code city}); the
     * placement checks it all at once and each refusal goes on its field, said in the client's language.
     */
    @PostMapping("/exchange/{from}/{to}")
    String order(@PathVariable String from, @PathVariable String to, @ModelAttribute("form") OrderForm form,
                 BindingResult result, HttpServletRequest request, Model model) {
        Optional<DirectionView> view = view(from, to);
        if (view.isEmpty()) {
            return "redirect:" + landing.target(new Landing.Request(from, to, form.city(), form.amount()));
        }
        DirectionView v = view.get();
        OrderForm canonical = new OrderForm(v.from().code(), v.to().code(), form.amount(), form.account(), form.email(),
                form.city());
        try {
            Order order = placement.place(canonical, clients.of(request));
            return "redirect:/order/" + order.publicId();
        } catch (InvalidOrderException e) {
            if (e.refusals().containsKey("direction")) {
                return "redirect:" + landing.target(new Landing.Request(from, to, form.city(), form.amount()));
            }
            e.refusals().forEach((field, refusal) -> {
                String code = refusal.code() == null ? "refused" : refusal.code();
                if (result.getFieldType(field) != null) {
                    result.rejectValue(field, code, refusal.getArguments(), refusal.text());
                } else {
                    result.reject(code, refusal.getArguments(), refusal.text());
                }
            });
            return render(v, form, model);
        }
    }

    private String render(DirectionView v, OrderForm form, Model model) {
        model.addAttribute("d", v);
        model.addAttribute("form", form);
        model.addAttribute("price", v.direction().price().toPlainString());
        model.addAttribute("quote", quote(v, form.amount()));
        model.addAttribute("maintenance", settings.maintenance());
        // What each flag means for the client, in plain words: site.flag.<code> of the bundles.
        model.addAttribute("flagNotes", v.direction().flags().stream().sorted().map(f -> "site.flag." + f.code()).toList());
        model.addAttribute("cities", v.direction().cities().stream().collect(java.util.stream.Collectors.toMap(
                c -> c, c -> c, (a, b) -> a, java.util.LinkedHashMap::new)));
        return "public/exchange";
    }

    /** What the client gets for the pre-filled amount (shown before submitting). */
    private static String quote(DirectionView v, String amount) {
        return OrderPricing.parseAmount(amount).filter(a -> a.signum() > 0)
                .map(a -> OrderPricing.amountGet(v.direction(), v.to(), a))
                .filter(Money::isPositive).map(Money::toPlainString).orElse(null);
    }

    private Optional<DirectionView> view(String from, String to) {
        Optional<Currency> f = catalog.activeCurrency(from);
        Optional<Currency> t = catalog.activeCurrency(to);
        if (f.isEmpty() || t.isEmpty()) {
            return Optional.empty();
        }
        return catalog.activeDirection(f.get().code(), t.get().code()).map(d -> new DirectionView(d, f.get(), t.get(),
                Decimals.plain(d.rateIn()), Decimals.plain(d.rateOut()), Decimals.plain(t.get().reserve()),
                Decimals.plain(d.minAmount()), Decimals.plain(d.maxAmount()),
                OrderPricing.maxGiveForReserve(d, f.get(), t.get()).toPlainString()));
    }
}
