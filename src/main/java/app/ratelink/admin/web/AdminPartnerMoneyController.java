package app.ratelink.admin.web;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.ratelink.money.BaseCurrency;
import app.ratelink.partner.Partner;
import app.ratelink.partner.Partners;
import app.ratelink.payout.Payouts;
import app.ratelink.reward.Adjustments;
import app.ratelink.reward.Ledger;
import app.ratelink.system.BadRequestException;
import app.ratelink.system.ConflictException;
import app.ratelink.system.Settings;
import app.ratelink.system.FormErrors;

/**
 * A partner's money on the admin partner page: balance, earned, paid, pending; the ledger (every entry with
 * its order or payout, newest first, keyset-paged) and the payouts; the adjustment form. {@code GET
 * /admin/partners/{id}/money} is a page of its own, or only its block when htmx loads it into the partner
 * page ({@code HX-Request}). The form posts to {@code /admin/partners/{id}/adjustments}.
 */
@Controller
class AdminPartnerMoneyController {

    static final int ENTRIES = 50;
    static final int PAYOUTS = 50;

    private final Partners partners;
    private final Ledger ledger;
    private final Payouts payouts;
    private final Adjustments adjustments;
    private final Settings settings;
    private final MessageSource messages;

    AdminPartnerMoneyController(Partners partners, Ledger ledger, Payouts payouts, Adjustments adjustments,
                                Settings settings, MessageSource messages) {
        this.partners = partners;
        this.ledger = ledger;
        this.payouts = payouts;
        this.adjustments = adjustments;
        this.settings = settings;
        this.messages = messages;
    }

    @GetMapping("/admin/partners/{id}/money")
    String money(@PathVariable long id, @RequestParam(required = false) Long beforeId,
                 @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        Partner partner = partner(id);
        if (!model.containsAttribute("adjustmentForm")) {
            model.addAttribute("adjustmentForm", new AdjustmentForm("", "", UUID.randomUUID().toString()));
        }
        fill(partner, beforeId, model);
        return htmx != null ? "admin/partner-money :: money" : "admin/partner-money";
    }

    @PostMapping("/admin/partners/{id}/adjustments")
    String adjust(@PathVariable long id, @Valid @ModelAttribute("adjustmentForm") AdjustmentForm form,
                  BindingResult errors, Model model, RedirectAttributes redirect, Locale locale) {
        Partner partner = partner(id);
        if (!errors.hasErrors()) {
            try {
                Adjustments.Posted posted = adjustments.post(id, form.decimal(), form.reason(), form.key());
                redirect.addFlashAttribute("message", messages.getMessage(posted.booked()
                        ? "dashboard.adjust.booked" : "dashboard.adjust.already",
                        new Object[] {posted.entry().amount().toPlainString(), BaseCurrency.code()}, locale));
                return "redirect:/admin/partners/" + id;
            } catch (BadRequestException e) {
                FormErrors.refused(e, errors);
            } catch (ConflictException e) {
                errors.reject("conflict", messages.getMessage(e.refusal(), locale));
            }
        }
        fill(partner, null, model);
        return "admin/partner-money";
    }

    /** One ledger line: what it is and what it belongs to. */
    record EntryRow(Ledger.Entry entry, String kind, boolean credit) {
    }

    private void fill(Partner partner, Long beforeId, Model model) {
        long id = partner.id();
        Ledger.Totals totals = ledger.totals(List.of(id)).getOrDefault(id, Ledger.Totals.none(id));
        List<Ledger.Entry> entries = ledger.entries(id, beforeId, Set.of(), ENTRIES + 1);
        List<Ledger.Entry> shown = entries.size() > ENTRIES ? entries.subList(0, ENTRIES) : entries;
        model.addAttribute("partner", partner);
        model.addAttribute("balance", totals.balance());
        model.addAttribute("earned", totals.earned());
        model.addAttribute("adjusted", totals.adjusted());
        model.addAttribute("paid", payouts.paid(List.of(id)).getOrDefault(id, BaseCurrency.zero()));
        model.addAttribute("pending", payouts.pending(id));
        model.addAttribute("entries", shown.stream().map(e -> new EntryRow(e, e.kind().code(), e.amount().isPositive()))
                .toList());
        model.addAttribute("olderEntries", entries.size() > ENTRIES ? shown.get(shown.size() - 1).id() : null);
        model.addAttribute("payouts", payouts.ofPartner(id, PAYOUTS));
        model.addAttribute("base", BaseCurrency.code());
        model.addAttribute("zone", settings.zone());
    }

    private Partner partner(long id) {
        return partners.byId(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
