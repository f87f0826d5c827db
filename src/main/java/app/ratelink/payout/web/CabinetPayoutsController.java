package app.ratelink.payout.web;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.ratelink.money.Money;
import app.ratelink.money.BaseCurrency;
import app.ratelink.money.Decimals;
import app.ratelink.partner.Partners;
import app.ratelink.payout.Payout;
import app.ratelink.payout.PayoutMethod;
import app.ratelink.payout.PayoutRefused;
import app.ratelink.payout.PayoutStatus;
import app.ratelink.payout.Payouts;
import app.ratelink.reward.Ledger;
import app.ratelink.system.FormErrors;
import app.ratelink.system.Refusal;
import app.ratelink.system.Settings;

/**
 * Cabinet → Payouts: balance, total received, pending, the minimum, each method with what the whole
 * balance would pay in it, the request form and the history. Refusals use the same exact texts as the
 * partner API's {@code add_payout}. Every read and the cancel are scoped to the logged-in partner.
 */
@Controller
class CabinetPayoutsController {

    static final String REQUESTED = "Payout is successfully requested";
    static final int HISTORY = 100;

    private final Payouts payouts;
    private final Settings settings;
    private final Ledger ledger;

    private final MessageSource messages;

    CabinetPayoutsController(Payouts payouts, Settings settings, Ledger ledger, MessageSource messages) {
        this.payouts = payouts;
        this.settings = settings;
        this.ledger = ledger;
        this.messages = messages;
    }

    record MethodRow(long id, String title, String currencyCode, String fee, String amount) {
    }

    /** An operator's correction of the balance, shown with its reason. */
    record AdjustmentRow(long id, String date, String amount, boolean credit, String reason) {
    }

    record PayoutRow(long id, String created, String method, String account, String payAmount,
                     String originalAmount, int status, String statusLabel, String badge, String comment,
                     boolean cancellable) {
    }

    @GetMapping("/account/payouts")
    String page(Locale locale, Model model) {
        if (!model.containsAttribute("payoutForm")) {
            model.addAttribute("payoutForm", PayoutForm.empty());
        }
        long partnerId = partnerId();
        Money balance = payouts.balance(partnerId);
        List<PayoutMethod> methods = payouts.methods();
        model.addAttribute("balance", balance.toPlainString());
        // A refund after a paid payout can take the balance below zero: the page says why nothing can be requested.
        model.addAttribute("negativeBalance", balance.isNegative());
        model.addAttribute("totalReceived", payouts.totalReceived(partnerId).toPlainString());
        model.addAttribute("pending", payouts.pending(partnerId).toPlainString());
        model.addAttribute("minPayout", payouts.minPayout().toPlainString());
        model.addAttribute("base", BaseCurrency.code());
        model.addAttribute("methodTitles", methods.stream().collect(Collectors.toMap(m -> String.valueOf(m.id()),
                PayoutMethod::title, (x, y) -> x, LinkedHashMap::new)));
        model.addAttribute("methods", methods.stream().map(m -> new MethodRow(m.id(), m.title(), m.currencyCode(),
                Decimals.plain(m.feePercent()) + "%", payouts.amountIn(m, balance).toPlainString())).toList());
        Map<Long, String> titles = methods.stream().collect(Collectors.toMap(PayoutMethod::id, PayoutMethod::title));
        DateTimeFormatter format = DateTimeFormatter.ofPattern(messages.getMessage("site.format.minutes", null, locale),
                locale).withZone(settings.zone());
        model.addAttribute("payouts", payouts.ofPartner(partnerId, HISTORY).stream()
                .map(row(format, titles::get)).toList());
        model.addAttribute("adjustments", ledger.entries(partnerId, null, Set.of(Ledger.Kind.ADJUSTMENT), HISTORY)
                .stream().map(e -> new AdjustmentRow(e.id(), format.format(e.createdAt()),
                        (e.amount().isPositive() ? "+" : "") + e.amount().toPlainString(), e.amount().isPositive(),
                        e.reason())).toList());
        model.addAttribute("zone", settings.zone().getId());
        return "payout/cabinet";
    }

    private static Function<Payout, PayoutRow> row(DateTimeFormatter format, Function<Long, String> titles) {
        return p -> {
            String title = titles.apply(p.methodId());
            return new PayoutRow(p.id(), format.format(p.createdAt()), title == null ? p.currencyCode() : title,
                    p.account(), p.payAmount().toString(), p.originalAmount().toString(), p.status().code(),
                    "cabinet.payouts.status." + p.status().label(), badge(p.status()), p.comment() == null ? "" : p.comment(), p.status() == PayoutStatus.PENDING);
        };
    }

    static String badge(PayoutStatus status) {
        return switch (status) {
            case PENDING -> "processing";
            case PAID -> "success";
            case REJECTED, CANCELLED -> "cancelled";
        };
    }

    /**
     * The request form as Spring MVC binds it; what is missing or malformed is found by Bean Validation, the
     * payout's own refusal goes on its field (the balance on the form), and the page is shown again with every
     * error at once. The refusal texts are the partner API's in English, the cabinet's own in another language.
     */
    @PostMapping("/account/payouts")
    String request(@Valid @ModelAttribute("payoutForm") PayoutForm form, BindingResult result, Locale locale,
                   Model model, RedirectAttributes redirect) {
        long partnerId = partnerId();
        if (!result.hasErrors()) {
            try {
                long id = payouts.request(partnerId, form.methodId(), form.account());
                redirect.addFlashAttribute("message", messages.getMessage("cabinet.payouts.requestedMessage",
                        new Object[] {String.valueOf(id)}, REQUESTED + " (#" + id + ").", locale));
                return "redirect:/account/payouts";
            } catch (PayoutRefused refused) {
                if (refused.reason() == PayoutRefused.Reason.NEGATIVE_BALANCE) {
                    // The form is not shown below zero: the refusal goes in the page's own notice.
                    model.addAttribute("error", messages.getMessage("cabinet.payouts.refused.NEGATIVE_BALANCE", null,
                            refused.text(), locale));
                }
                FormErrors.refused(field(refused.reason()), Refusal.of("cabinet.payouts.refused." + refused.reason().name(),
                        refused.text()), result);
            }
        }
        return page(locale, model);
    }

    /** The field a refusal is about; the balance is about no field of the form. */
    private static String field(PayoutRefused.Reason reason) {
        return switch (reason) {
            case INVALID_ACCOUNT -> "account";
            case METHOD_NOT_ALLOWED -> "method";
            case NOT_ENOUGH_MONEY, NEGATIVE_BALANCE -> null;
        };
    }

    @PostMapping("/account/payouts/{id}/cancel")
    String cancel(@PathVariable long id, Locale locale, RedirectAttributes redirect) {
        // Another partner's payout and an unknown id look alike: nothing tells one from the other.
        if (payouts.cancel(partnerId(), id)) {
            redirect.addFlashAttribute("message", messages.getMessage("cabinet.payouts.cancelled", new Object[] {String.valueOf(id)}, locale));
        } else {
            redirect.addFlashAttribute("error", messages.getMessage("cabinet.payouts.notPending", null, locale));
        }
        return "redirect:/account/payouts";
    }

    private static long partnerId() {
        return Partners.currentPartnerId().orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
    }
}
