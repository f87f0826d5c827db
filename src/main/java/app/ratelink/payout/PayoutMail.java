package app.ratelink.payout;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import app.ratelink.money.Decimals;
import app.ratelink.partner.Partners;
import app.ratelink.system.Mailer;
import app.ratelink.system.OperatorMail;
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
    void requested(long id, long partnerId, PayoutMethod method, String account, java.math.BigDecimal balance,
                   java.math.BigDecimal pay) {
        String partner = partners.byId(partnerId).map(p -> p.email() + " (#" + p.id() + ")").orElse("#" + partnerId);
        String amount = Decimals.plain(pay) + " " + method.currencyCode() + " (" + method.title() + ")";
        operators.send(messages.getMessage("orders.mail.operator.payout.subject", new Object[] {id, amount}, Locale.ENGLISH),
                messages.getMessage("orders.mail.operator.payout.body", new Object[] {id, amount, partner, account,
                        Decimals.plain(balance) + " " + Payouts.BASE_CURRENCY, settings.baseUrl() + "/admin/payouts"},
                        Locale.ENGLISH));
    }

    void decided(Payout payout) {
        partners.byId(payout.partnerId()).ifPresent(partner -> {
            String amount = Decimals.plain(payout.payAmount()) + " " + payout.currencyCode();
            String comment = payout.comment() == null || payout.comment().isBlank() ? "" : "\n\nComment: " + payout.comment();
            if (payout.status() == PayoutStatus.PAID) {
                mailer.send(partner.email(), "Your payout #" + payout.id() + " is paid",
                        "Your payout #" + payout.id() + " of " + amount + " to " + payout.account() + " has been paid." + comment);
            } else if (payout.status() == PayoutStatus.REJECTED) {
                mailer.send(partner.email(), "Your payout #" + payout.id() + " was rejected",
                        "Your payout request #" + payout.id() + " of " + amount + " was rejected; "
                                + Decimals.plain(payout.originalAmount()) + " USD is back on your balance." + comment);
            }
        });
    }
}
