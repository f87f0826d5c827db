package app.ratelink.payout;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import app.ratelink.money.Money;
import app.ratelink.partner.Partners;
import app.ratelink.system.Languages;
import app.ratelink.system.Mailer;
import app.ratelink.system.OperatorMail;
import app.ratelink.system.Setting;
import app.ratelink.system.Settings;

/** Tells the partner, after the decision is committed, that its payout was paid or rejected. */
@Component
class PayoutMail {

    private final Mailer mailer;
    private final Partners partners;
    private final OperatorMail operators;
    private final MessageSource messages;
    private final Settings settings;

    PayoutMail(Mailer mailer, Partners partners, OperatorMail operators, MessageSource messages, Settings settings) {
        this.mailer = mailer;
        this.partners = partners;
        this.operators = operators;
        this.messages = messages;
        this.settings = settings;
    }

    /** Tells the operators (setting operatorEmails), in the request's transaction, that a payout waits. */
    void requested(long id, long partnerId, PayoutMethod method, String account, Money balance, Money pay) {
        String partner = partners.byId(partnerId).map(p -> p.email() + " (#" + p.id() + ")").orElse("#" + partnerId);
        String amount = pay + " (" + method.title() + ")";
        Locale locale = operators.locale();
        operators.send(messages.getMessage("orders.mail.operator.payout.subject", new Object[] {String.valueOf(id), amount}, locale),
                messages.getMessage("orders.mail.operator.payout.body", new Object[] {String.valueOf(id), amount, partner, account,
                        balance.toString(), settings.baseUrl() + "/admin/payouts"},
                        locale));
    }

    /** In the partner's chosen language (the operator who decided is not the reader), else the site's default. */
    void decided(Payout payout) {
        partners.byId(payout.partnerId()).ifPresent(partner -> {
            Locale locale = partners.language(partner.id())
                    .or(() -> Languages.of(settings.get(Setting.DEFAULT_LANGUAGE))).orElse(Languages.FALLBACK);
            String id = String.valueOf(payout.id());
            String amount = payout.payAmount().toString();
            String comment = payout.comment() == null || payout.comment().isBlank() ? ""
                    : messages.getMessage("cabinet.mail.comment", new Object[] {payout.comment()}, locale);
            if (payout.status() == PayoutStatus.PAID) {
                mailer.send(partner.email(), messages.getMessage("cabinet.mail.payoutPaid.subject", new Object[] {id}, locale),
                        messages.getMessage("cabinet.mail.payoutPaid.text", new Object[] {id, amount, payout.account()},
                                locale) + comment);
            } else if (payout.status() == PayoutStatus.REJECTED) {
                mailer.send(partner.email(), messages.getMessage("cabinet.mail.payoutRejected.subject", new Object[] {id},
                                locale),
                        messages.getMessage("cabinet.mail.payoutRejected.text", new Object[] {id, amount,
                                payout.originalAmount().toPlainString()}, locale) + comment);
            }
        });
    }
}
