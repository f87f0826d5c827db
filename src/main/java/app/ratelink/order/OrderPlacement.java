package app.ratelink.order;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.ratelink.catalog.Catalog;
import app.ratelink.catalog.Currency;
import app.ratelink.catalog.Direction;
import app.ratelink.money.Decimals;
import app.ratelink.money.Money;
import app.ratelink.system.Setting;
import app.ratelink.system.Refusal;
import app.ratelink.system.Settings;

/**
 * Creates orders from the direction page. The direction's rate at this moment is locked on the order;
 * the amount is checked against the direction's limits and the reserve of the currency paid out, the
 * receiving account against that currency's format. All problems are reported at once, by field.
 */
@Service
public class OrderPlacement {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");
    private static final int IP_LENGTH = 45;
    private static final int USER_AGENT_LENGTH = 512;
    private static final int VISITOR_LENGTH = 64;
    private static final int USER_HASH_LENGTH = 16;

    private final Catalog catalog;
    private final OrderRepository repository;
    private final Settings settings;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    OrderPlacement(Catalog catalog, OrderRepository repository, Settings settings, Clock clock,
                   ApplicationEventPublisher events) {
        this.catalog = catalog;
        this.repository = repository;
        this.settings = settings;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    public Order place(OrderForm form, OrderClient client) {
        if (settings.maintenance()) {
            // Site offline: no new obligations for the exchanger until the operator is back.
            throw InvalidOrderException.of(Map.of("form", Refusal.of("site.refusal.maintenance",
                    "We are offline for maintenance; please try again later")));
        }
        Direction direction = catalog.activeDirection(form.from(), form.to())
                .orElseThrow(() -> InvalidOrderException.of(Map.of("direction", Refusal.of("site.refusal.direction",
                        "This direction is not available at the moment"))));
        if (!direction.rateAvailable()) {
            // Its rate source is stale: no order at a rate the exchanger cannot stand behind.
            throw InvalidOrderException.of(Map.of("form", Refusal.of("site.refusal.rateUnavailable",
                    "This direction is temporarily unavailable; please try again later")));
        }
        Currency from = catalog.currency(direction.from()).orElseThrow();
        Currency to = catalog.currency(direction.to()).orElseThrow();

        Map<String, Refusal> errors = new LinkedHashMap<>();
        Amounts amounts = checkAmount(form.amount(), direction, from, to, errors);
        String account = form.account() == null ? "" : form.account().trim();
        if (account.isEmpty()) {
            errors.put("account", Refusal.of("site.refusal.account.missing",
                    "Enter the " + to.name() + " account to receive the money", to.name()));
        } else if (!to.acceptsAccount(account)) {
            errors.put("account", Refusal.of("site.refusal.account.invalid", "This is not a valid " + to.name() + " account",
                    to.name()));
        }
        String email = form.email() == null ? "" : form.email().trim();
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            errors.put("email", Refusal.of("site.refusal.email", "Enter a valid e-mail address, e.g. name@example.com"));
        }
        String city = null;
        if (direction.isCash()) {
            city = form.city() == null ? "" : form.city().trim().toUpperCase(Locale.ROOT);
            if (!direction.cities().contains(city)) {
                errors.put("city", Refusal.of("site.refusal.city", "Choose the city where you meet us"));
            }
        }
        if (!errors.isEmpty()) {
            throw InvalidOrderException.of(errors);
        }

        Instant now = clock.instant();
        Referral referral = client.referral();
        Order order = new Order(0, PublicIds.next(), from.code(), to.code(), direction.rateIn(), direction.rateOut(),
                amounts.give(), amounts.get().amount(), account, email, city, OrderStatus.NEW, now, now,
                now.plus(Duration.ofMinutes(settings.integer(Setting.ORDER_EXPIRY_MINUTES))),
                Orders.crop(client.ip(), IP_LENGTH), Orders.crop(client.userAgent(), USER_AGENT_LENGTH),
                Orders.crop(client.visitorId(), VISITOR_LENGTH),
                referral == null ? null : referral.partnerId(), referral == null ? null : referral.clickId(),
                referral == null ? null : Orders.crop(referral.userHash(), USER_HASH_LENGTH), BigDecimal.ZERO,
                referral == null ? SubIds.NONE : referral.subIds());
        long id = repository.insert(order);
        repository.appendHistory(id, null, OrderStatus.NEW, "client", "order created", now);
        events.publishEvent(new OrderCreated(id));
        return repository.byId(id).orElseThrow();
    }

    private record Amounts(BigDecimal give, Money get) {
    }

    private static Amounts checkAmount(String text, Direction direction, Currency from, Currency to,
                                     Map<String, Refusal> errors) {
        if (text == null || text.isBlank()) {
            errors.put("amount", Refusal.of("site.refusal.amount.missing", "Enter the amount you give"));
            return null;
        }
        Optional<BigDecimal> parsed = OrderPricing.parseAmount(text);
        if (parsed.isEmpty()) {
            errors.put("amount", Refusal.of("site.refusal.amount.number", "Enter a number, e.g. 100 or 0.5"));
            return null;
        }
        BigDecimal amount = Decimals.normalized(parsed.get());
        String unit = " " + from.unit();
        if (amount.signum() <= 0) {
            errors.put("amount", Refusal.of("site.refusal.amount.positive", "The amount must be more than 0"));
        } else if (amount.scale() > from.scale()) {
            errors.put("amount", from.scale() == 0 ? Refusal.of("site.refusal.amount.whole", "Enter a whole number")
                    : Refusal.of("site.refusal.amount.decimals", "Use at most " + from.scale() + " decimal places",
                    String.valueOf(from.scale())));
        } else if (amount.compareTo(direction.minAmount()) < 0) {
            errors.put("amount", Refusal.of("site.refusal.amount.min", "The minimum is " + Decimals.plain(direction.minAmount())
                    + unit, Decimals.plain(direction.minAmount()), from.unit()));
        } else if (amount.compareTo(direction.maxAmount()) > 0) {
            errors.put("amount", Refusal.of("site.refusal.amount.max", "The maximum is " + Decimals.plain(direction.maxAmount())
                    + unit, Decimals.plain(direction.maxAmount()), from.unit()));
        } else {
            Money get = OrderPricing.amountGet(direction, to, amount);
            if (!get.isPositive()) {
                errors.put("amount", Refusal.of("site.refusal.amount.tooSmall", "This amount is too small to pay out in "
                        + to.code(), to.code()));
            } else if (get.amount().compareTo(to.reserve()) > 0) {
                String most = OrderPricing.maxGiveForReserve(direction, from, to).toPlainString();
                errors.put("amount", Refusal.of("site.refusal.amount.reserve", "Our reserve of " + to.code() + " is "
                        + Decimals.plain(to.reserve()) + " " + to.unit() + " now; enter at most " + most + unit,
                        to.code(), Decimals.plain(to.reserve()), to.unit(), most, from.unit()));
            } else {
                return new Amounts(amount, get);
            }
        }
        return null;
    }
}
