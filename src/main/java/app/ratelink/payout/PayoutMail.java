package app.ratelink.payout;

import org.springframework.stereotype.Component;

import app.ratelink.money.Decimals;
import app.ratelink.partner.Partners;
import app.ratelink.system.Mailer;

/** Tells the partner, after the decision is committed, that its payout was paid or rejected. */
@Component
class PayoutMail {

    private final Mailer mailer;
    private final Partners partners;

    PayoutMail(Mailer mailer, Partners partners) {
        this.mailer = mailer;
        this.partners = partners;
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
