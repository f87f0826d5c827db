package app.ratelink.order;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import app.ratelink.catalog.Catalog;
import app.ratelink.catalog.Currency;
import app.ratelink.money.Decimals;
import app.ratelink.partner.ReviewInvitation;
import app.ratelink.system.Mailer;
import app.ratelink.system.OperatorMail;
import app.ratelink.system.Settings;

/**
 * A mail at every change of an order, as BestChange's rules ask ("at the moment of creation or changing an
 * order"): to the client on creation (number, direction, amounts, rate, fees, receiving account, payment
 * instructions, deadline, the order's link) and on every status change (what happens next; on success the
 * invitation to review the exchanger on the monitoring that referred the order, when it asks for one), in the
 * language of the order; to the operators (setting {@code operatorEmails}) on a new order and on an order marked paid.
 * <p>
 * Written in the order's own transaction ({@link Mailer} queues them in the outbox), so a change that is rolled
 * back (a refused reserve hold, a lost race) sends nothing, and one that commits always does.
 */
@Component
class OrderMails {


    private final OrderRepository repository;
    private final Catalog catalog;
    private final Mailer mailer;
    private final OperatorMail operators;
    private final MessageSource messages;
    private final Settings settings;
    private final ReviewInvitation review;

    OrderMails(OrderRepository repository, Catalog catalog, Mailer mailer, OperatorMail operators,
               MessageSource messages, Settings settings, ReviewInvitation review) {
        this.repository = repository;
        this.catalog = catalog;
        this.mailer = mailer;
        this.operators = operators;
        this.messages = messages;
        this.settings = settings;
        this.review = review;
    }

    @EventListener
    void onCreated(OrderCreated event) {
        Order o = repository.byId(event.orderId()).orElseThrow();
        Locale locale = OrderLanguages.locale(o.language());
        Currency from = catalog.currency(o.from()).orElse(null);
        String instructions = from == null || from.paymentInstructions().isBlank()
                ? text("orders.mail.instructions.none", locale) : from.paymentInstructions();
        String deadline = deadline(o, locale);
        mailer.send(o.email(), text("orders.mail.created.subject", locale, o.number(), name(o.from()), name(o.to())),
                text("orders.mail.created.body", locale, o.number(), name(o.from()) + " (" + o.from() + ")",
                        name(o.to()) + " (" + o.to() + ")", give(o), get(o), rate(o), fees(o, locale), o.account(),
                        instructions, deadline, link(o)));
        // The operators read their own language (the site's default), not the client's.
        Locale operator = operators.locale();
        operators.send(text("orders.mail.operator.created.subject", operator, o.number(), give(o), get(o)),
                text("orders.mail.operator.created.body", operator, o.number(), give(o), get(o),
                        fees(o, operator), o.account(), o.email(), deadline(o, operator), adminLink(o)));
    }

    @EventListener
    void onStatusChanged(OrderStatusChanged event) {
        Order o = repository.byId(event.orderId()).orElseThrow();
        Locale locale = OrderLanguages.locale(o.language());
        String status = text("orders.status." + event.to().code(), locale);
        String next = text("orders.next." + event.to().code(), locale);
        if (event.to() == OrderStatus.SUCCESS) {
            next += review.mailText(o.partnerId(), locale).map(line -> "\n\n" + line).orElse("");
        }
        mailer.send(o.email(), text("orders.mail.status.subject", locale, o.number(), status),
                text("orders.mail.status.body", locale, o.number(), give(o), get(o), status, next, link(o)));
        if (event.to() == OrderStatus.PAID) {
            Locale operator = operators.locale();
            operators.send(text("orders.mail.operator.paid.subject", operator, o.number(), give(o), get(o)),
                    text("orders.mail.operator.paid.body", operator, o.number(), give(o), get(o), event.actor(),
                            o.account(), adminLink(o)));
        }
    }

    /** The payment deadline as the reader writes dates (site.format.minutes), with the site's zone named. */
    private String deadline(Order o, Locale locale) {
        DateTimeFormatter format = DateTimeFormatter.ofPattern(text("site.format.minutes", locale), locale);
        return format.format(o.expiresAt().atZone(settings.zone())) + " " + settings.zone().getId();
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    private String name(String code) {
        return catalog.currency(code).map(Currency::name).orElse(code);
    }

    private static String give(Order o) {
        return Decimals.plain(o.amountGive()) + " " + o.from();
    }

    private static String get(Order o) {
        return Decimals.plain(o.amountGet()) + " " + o.to();
    }

    private static String rate(Order o) {
        return Decimals.plain(o.rateIn()) + " " + o.from() + " \u2192 " + Decimals.plain(o.rateOut()) + " " + o.to();
    }

    private String fees(Order o, Locale locale) {
        boolean fromFee = o.feeFrom().signum() > 0;
        boolean toFee = o.feeTo().signum() > 0;
        if (!fromFee && !toFee) {
            return text("orders.mail.fees.none", locale);
        }
        String a = fromFee ? text("orders.mail.fees.from", locale, Decimals.plain(o.feeFrom()), o.from()) : "";
        String b = toFee ? text("orders.mail.fees.to", locale, Decimals.plain(o.feeTo()), o.to()) : "";
        return fromFee && toFee ? a + "; " + b : a + b;
    }

    private String link(Order o) {
        return settings.baseUrl() + "/order/" + o.publicId();
    }

    private String adminLink(Order o) {
        return settings.baseUrl() + "/admin/orders/" + o.id();
    }
}
