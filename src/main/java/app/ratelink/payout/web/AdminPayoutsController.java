package app.ratelink.payout.web;

import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.http.HttpStatus;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.ratelink.money.BaseCurrency;
import app.ratelink.partner.Partner;
import app.ratelink.partner.Partners;
import app.ratelink.payout.Payout;
import app.ratelink.payout.PayoutStatus;
import app.ratelink.payout.Payouts;
import app.ratelink.system.BadRequestException;
import app.ratelink.system.ConflictException;
import app.ratelink.system.NotFoundException;
import app.ratelink.system.Settings;
import app.ratelink.system.web.Confirmation;
import app.ratelink.system.web.AdminForms;

/**
 * {@code /admin/payouts}: the requests, newest first, filtered by status (pending by default: what needs
 * the operator), each pending one with a pay and a reject form that take a comment for the partner's mail.
 */
@Controller
class AdminPayoutsController {

    static final int LIMIT = 200;

    private final Payouts payouts;
    private final Partners partners;
    private final Settings settings;

    private final MessageSource messages;

    AdminPayoutsController(Payouts payouts, Partners partners, Settings settings, MessageSource messages) {
        this.messages = messages;
        this.payouts = payouts;
        this.partners = partners;
        this.settings = settings;
    }

    record Row(Payout payout, String partnerEmail, String badge) {
    }

    @GetMapping("/admin/payouts")
    String list(@RequestParam(defaultValue = "0") String status, Model model) {
        PayoutStatus filter;
        try {
            filter = "all".equals(status) ? null : PayoutsOperatorController.status(status);
        } catch (BadRequestException e) {
            filter = PayoutStatus.PENDING;
        }
        List<Payout> found = payouts.list(filter, LIMIT);
        Map<Long, String> emails = new HashMap<>();
        model.addAttribute("payouts", found.stream().map(p -> new Row(p,
                emails.computeIfAbsent(p.partnerId(), id -> partners.byId(id).map(Partner::email).orElse("#" + id)),
                CabinetPayoutsController.badge(p.status()))).toList());
        model.addAttribute("status", filter == null ? "all" : Integer.toString(filter.code()));
        model.addAttribute("statuses", PayoutStatus.values());
        model.addAttribute("limit", LIMIT);
        model.addAttribute("base", BaseCurrency.code());
        model.addAttribute("zone", settings.zone());
        return "payout/admin-payouts";
    }

    /**
     * A decision's form: the comment for the partner (the payouts table crops it at 1000 characters), the list's
     * status filter to go back to, the confirmation.
     */
    record DecisionForm(String comment, String status, Boolean confirm) {
        DecisionForm {
            comment = comment == null ? "" : comment;
            status = status == null || status.isBlank() ? "0" : status.strip();
        }

        boolean confirmed() {
            return Boolean.TRUE.equals(confirm);
        }
    }

    @InitBinder("decision")
    void checkboxes(WebDataBinder binder) {
        AdminForms.checkboxes(binder);
    }

    @PostMapping("/admin/payouts/{id}/pay")
    String pay(@PathVariable long id, @ModelAttribute("decision") DecisionForm form, Principal admin, Model model,
               RedirectAttributes redirect) {
        Payout payout = existing(id);
        String comment = form.comment();
        String status = form.status();
        if (!form.confirmed() && payout.status() == PayoutStatus.PENDING) {
            return confirmation(id, "pay", comment, status, text("admin.confirm.payoutPay", String.valueOf(id),
                    payout.payAmount().toString(), payout.account(), payout.currencyCode()), model);
        }
        return decided(status, redirect, () -> {
            payouts.pay(id, "admin:" + admin.getName(), comment);
            return text("admin.payouts.paid", String.valueOf(id));
        });
    }

    @PostMapping("/admin/payouts/{id}/reject")
    String reject(@PathVariable long id, @ModelAttribute("decision") DecisionForm form, Principal admin, Model model,
                  RedirectAttributes redirect) {
        Payout asked = existing(id);
        String comment = form.comment();
        String status = form.status();
        if (!form.confirmed() && asked.status() == PayoutStatus.PENDING) {
            return confirmation(id, "reject", comment, status, text("admin.confirm.payoutReject", String.valueOf(id),
                    asked.originalAmount().toString()), model);
        }
        return decided(status, redirect, () -> {
            Payout payout = payouts.reject(id, "admin:" + admin.getName(), comment);
            return text("admin.payouts.rejected", String.valueOf(id), payout.originalAmount().toPlainString(),
                    BaseCurrency.code());
        });
    }

    /**
     * The payout to decide; unknown is a 404 before any question is asked. One decided meanwhile is not asked
     * about: the decision below says it is no longer pending.
     */
    private Payout existing(long id) {
        return payouts.byId(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No payout " + id));
    }

    /** Paying and rejecting are final (money leaves, or the request is gone): asked once more, without JavaScript. */
    private static String confirmation(long id, String decision, String comment, String status, String question,
                                       Model model) {
        return new Confirmation(Confirmation.Layout.ADMIN, question, "/admin/payouts/" + id + "/" + decision,
                Map.of("comment", comment, "status", status), "/admin/payouts?status=" + status).show(model);
    }

    /**
     * Makes the decision and goes back to the list (same status filter) with what happened; a payout decided
     * meanwhile by someone else is said there, an unknown one is a 404.
     */
    private String decided(String status, RedirectAttributes redirect, Supplier<String> decision) {
        try {
            redirect.addFlashAttribute("message", decision.get());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("error", messages.getMessage(e.refusal(), LocaleContextHolder.getLocale()));
        } catch (NotFoundException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        }
        redirect.addAttribute("status", status);
        return "redirect:/admin/payouts";
    }

    /** A bundle text in the operator's language. */
    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
