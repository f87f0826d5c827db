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
            throw new InvalidOrderException(Map.of("form", "We are offline for maintenance; please try again later"));
        }
        Direction direction = catalog.activeDirection(form.from(), form.to())
                .orElseThrow(() -> new InvalidOrderException(Map.of("direction",
                        "This direction is not available at the moment")));
        if (!direction.rateAvailable()) {
            // Its rate source is stale: no order at a rate the exchanger cannot stand behind.
            throw new InvalidOrderException(Map.of("form", "This direction is temporarily unavailable; please try again later"));
        }
        Currency from = catalog.currency(direction.from()).orElseThrow();
        Currency to = catalog.currency(direction.to()).orElseThrow();

        Map<String, String> errors = new LinkedHashMap<>();
        Amounts amounts = checkAmount(form.amount(), direction, from, to, errors);
        String account = form.account() == null ? "" : form.account().trim();
        if (account.isEmpty()) {
            errors.put("account", "Enter the " + to.name() + " account to receive the money");
        } else if (!to.acceptsAccount(account)) {
            errors.put("account", "This is not a valid " + to.name() + " account");
        }
        String email = form.email() == null ? "" : form.email().trim();
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            errors.put("email", "Enter a valid e-mail address, e.g. name@example.com");
        }
        String city = null;
        if (direction.isCash()) {
            city = form.city() == null ? "" : form.city().trim().toUpperCase(Locale.ROOT);
            if (!direction.cities().contains(city)) {
                errors.put("city", "Choose the city where you meet us");
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidOrderException(errors);
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
                                     Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            errors.put("amount", "Enter the amount you give");
            return null;
        }
        Optional<BigDecimal> parsed = OrderPricing.parseAmount(text);
        if (parsed.isEmpty()) {
            errors.put("amount", "Enter a number, e.g. 100 or 0.5");
            return null;
        }
        BigDecimal amount = Decimals.normalized(parsed.get());
        String unit = " " + from.unit();
        if (amount.signum() <= 0) {
            errors.put("amount", "The amount must be more than 0");
        } else if (amount.scale() > from.scale()) {
            errors.put("amount", from.scale() == 0 ? "Enter a whole number"
                    : "Use at most " + from.scale() + " decimal places");
        } else if (amount.compareTo(direction.minAmount()) < 0) {
            errors.put("amount", "The minimum is " + Decimals.plain(direction.minAmount()) + unit);
        } else if (amount.compareTo(direction.maxAmount()) > 0) {
            errors.put("amount", "The maximum is " + Decimals.plain(direction.maxAmount()) + unit);
        } else {
            Money get = OrderPricing.amountGet(direction, to, amount);
            if (!get.isPositive()) {
                errors.put("amount", "This amount is too small to pay out in " + to.code());
            } else if (get.amount().compareTo(to.reserve()) > 0) {
                errors.put("amount", "Our reserve of " + to.code() + " is " + Decimals.plain(to.reserve()) + " "
                        + to.unit() + " now; enter at most "
                        + OrderPricing.maxGiveForReserve(direction, from, to).toPlainString() + unit);
            } else {
                return new Amounts(amount, get);
            }
        }
        return null;
    }
}
