package app.ratelink.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import app.ratelink.catalog.Catalog;
import app.ratelink.catalog.CatalogFixtures;
import app.ratelink.catalog.CurrencyChange;
import app.ratelink.catalog.DirectionChange;
import app.ratelink.system.Setting;
import app.ratelink.system.Settings;
import app.ratelink.system.SettingsFixtures;
import app.ratelink.testing.Engine;
import app.ratelink.testing.MutableClock;

/** Orders, their history, status moves, streaming and expiry against a real database, on H2 and PostgreSQL. */
class OrderRepositoryTest {

    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    /** A clock tests move forward by hand. */

    final MutableClock clock = new MutableClock(T0);
    final List<Object> events = new ArrayList<>();

    record Fixture(Orders orders, OrderPlacement placement, OrderRepository repository, Catalog catalog,
                   Settings settings) {
    }

    Fixture fixture(Engine engine) {
        Catalog catalog = CatalogFixtures.catalog(engine, clock);
        Settings settings = SettingsFixtures.settings(engine, clock);
        OrderRepository repository = new OrderRepository(engine.jdbc());
        Orders orders = new Orders(repository, clock, events::add, engine.transactions());
        OrderPlacement placement = new OrderPlacement(catalog, repository, settings, clock, events::add);
        catalog.saveCurrency("PMUSD", new CurrencyChange("Perfect Money USD", "USD", 2, new BigDecimal("25000"),
                BigDecimal.ONE, true, false, BigDecimal.ZERO, "Send to U1234567", "^U\\d{7,8}$", List.of()));
        catalog.saveCurrency("BTC", new CurrencyChange("Bitcoin", "BTC", 8, new BigDecimal("0.5"),
                new BigDecimal("65000"), true, false, BigDecimal.ZERO, "Send to bc1q…", "^bc1[a-z0-9]{10,60}$",
                List.of()));
        catalog.saveCurrency("CASHUSD", new CurrencyChange("Cash USD", "USD", 0, new BigDecimal("1000"),
                BigDecimal.ONE, true, false, BigDecimal.ZERO, "", "", List.of()));
        // 1 BTC for 65500 PMUSD: 100 PMUSD buys 0.00152671755… BTC.
        catalog.saveDirection("PMUSD", "BTC", new DirectionChange(new BigDecimal("65500"), BigDecimal.ONE,
                new BigDecimal("10"), new BigDecimal("30000"), new BigDecimal("2"), List.of(), List.of(), true,
                null, null, null, null, null));
        catalog.saveDirection("BTC", "CASHUSD", new DirectionChange(BigDecimal.ONE, new BigDecimal("64000"),
                new BigDecimal("0.001"), new BigDecimal("1"), new BigDecimal("2"), List.of("manual"),
                List.of("MSK", "SPB"), true, null, null, null, null, null));
        events.clear();
        return new Fixture(orders, placement, repository, catalog, settings);
    }

    static OrderForm form(String amount, String account) {
        return new OrderForm("PMUSD", "BTC", amount, account, "client@example.com", null);
    }

    static final String WALLET = "bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh";

    @ParameterizedTest
    @MethodSource("app.ratelink.testing.Engine#all")
    void placesAnOrderAtTheLockedRateRoundedDown(Engine engine) {
        Fixture f = fixture(engine);
        Order o = f.placement().place(form("100", WALLET), new OrderClient("203.0.113.7", "x".repeat(600),
                "v".repeat(80), new Referral(42, 7L, "abcdef0123456789XYZ")));

        assertThat(o.amountGive()).isEqualByComparingTo("100");
        assertThat(o.amountGet().toPlainString()).isEqualTo("0.00152671"); // 0.0015267175… rounded down
        assertThat(o.rateIn()).isEqualByComparingTo("65500");
        assertThat(o.rateOut()).isEqualByComparingTo("1");
        assertThat(o.status()).isEqualTo(OrderStatus.NEW);
        assertThat(o.publicId()).matches("[A-Za-z0-9_-]{22}");
        assertThat(o.createdAt()).isEqualTo(T0);
        assertThat(o.expiresAt()).isEqualTo(T0.plus(Duration.ofMinutes(30)));
        assertThat(o.clientIp()).isEqualTo("203.0.113.7");
        assertThat(o.userAgent()).hasSize(512);
        assertThat(o.visitorId()).hasSize(64);
        assertThat(o.partnerId()).isEqualTo(42L);
        assertThat(o.clickId()).isEqualTo(7L);
        assertThat(o.userHash()).isEqualTo("abcdef0123456789");
        assertThat(o.partnerReward()).isEqualByComparingTo("0");
        assertThat(f.orders().byPublicId(o.publicId())).contains(o);
        assertThat(f.orders().history(o.id())).singleElement()
                .satisfies(h -> {
                    assertThat(h.from()).isNull();
                    assertThat(h.to()).isEqualTo(OrderStatus.NEW);
                    assertThat(h.actor()).isEqualTo("client");
                });
        assertThat(events).containsExactly(new OrderCreated(o.id()));

        // The rate is locked: a later rate change does not touch the order.
        f.catalog().saveDirection("PMUSD", "BTC", new DirectionChange(new BigDecimal("70000"), BigDecimal.ONE,
                null, null, null, null, null, null, null, null, null, null, null));
        assertThat(f.orders().find(o.id()).orElseThrow().rateIn()).isEqualByComparingTo("65500");
    }

    @ParameterizedTest
    @MethodSource("app.ratelink.testing.Engine#all")
    void refusesAmountsOutsideLimitsAndReserveAndBadAccountsByField(Engine engine) {
        Fixture f = fixture(engine);
        assertThat(errors(f, form("9.99", WALLET))).containsOnlyKeys("amount")
                .containsEntry("amount", "The minimum is 10 USD");
        assertThat(errors(f, form("30000.01", WALLET))).containsEntry("amount", "The maximum is 30000 USD");
        // Reserve 0.5 BTC = 32750 PMUSD; limits allow 30000, so lower the reserve to see the check.
        f.catalog().saveCurrency("BTC", new CurrencyChange(null, null, null, new BigDecimal("0.01"), null, null,
                null, null, null, null, null));
        assertThat(errors(f, form("1000", WALLET)).get("amount"))
                .isEqualTo("Our reserve of BTC is 0.01 BTC now; enter at most 655 USD");
        assertThat(errors(f, form("100.123", WALLET))).containsEntry("amount", "Use at most 2 decimal places");
        assertThat(errors(f, form("abc", WALLET))).containsKey("amount");
        assertThat(errors(f, new OrderForm("PMUSD", "BTC", "100", "U1234567", "not-an-email", null)))
                .containsOnlyKeys("account", "email");
        assertThat(errors(f, new OrderForm("BTC", "CASHUSD", "0.01", "+79990000000", "a@example.com", "NYC")))
                .containsOnlyKeys("city");
        assertThat(f.placement().place(new OrderForm("BTC", "CASHUSD", "0.01", "+79990000000", "a@example.com",
                "spb"), OrderClient.anonymous()).city()).isEqualTo("SPB");
        assertThat(f.orders().list(OrderQuery.latest(10))).hasSize(1);
    }

    private static Map<String, String> errors(Fixture f, OrderForm form) {
        try {
            f.placement().place(form, OrderClient.anonymous());
            throw new AssertionError("accepted " + form);
        } catch (InvalidOrderException e) {
            return e.errors();
        }
    }

    @ParameterizedTest
    @MethodSource("app.ratelink.testing.Engine#all")
    void movesOnlyAlongTheGraphKeepsHistoryAndIgnoresRepeats(Engine engine) {
        Fixture f = fixture(engine);
        Order o = f.placement().place(form("100", WALLET), OrderClient.anonymous());
        events.clear();

        clock.advance(Duration.ofMinutes(1));
        assertThat(f.orders().changeStatus(o.id(), OrderStatus.PAID, "client", "sent").changed()).isTrue();
        StatusChange again = f.orders().changeStatus(o.id(), OrderStatus.PAID, "operator", "again");
        assertThat(again.changed()).isFalse();
        assertThat(again.order().status()).isEqualTo(OrderStatus.PAID);
        f.orders().changeStatus(o.id(), OrderStatus.PROCESSING, "operator", null);
        f.orders().changeStatus(o.id(), OrderStatus.SUCCESS, "operator", "done");
        assertThatThrownBy(() -> f.orders().changeStatus(o.id(), OrderStatus.NEW, "operator", ""))
                .isInstanceOf(IllegalStatusChangeException.class);

        Order now = f.orders().find(o.id()).orElseThrow();
        assertThat(now.status()).isEqualTo(OrderStatus.SUCCESS);
        assertThat(now.updatedAt()).isEqualTo(T0.plus(Duration.ofMinutes(1)));
        assertThat(f.orders().history(o.id())).extracting(OrderStatusEntry::to)
                .containsExactly(OrderStatus.NEW, OrderStatus.PAID, OrderStatus.PROCESSING, OrderStatus.SUCCESS);
        assertThat(f.orders().history(o.id()).get(3)).satisfies(h -> {
            assertThat(h.from()).isEqualTo(OrderStatus.PROCESSING);
            assertThat(h.actor()).isEqualTo("operator");
            assertThat(h.comment()).isEqualTo("done");
        });
        assertThat(events).containsExactly(
                new OrderStatusChanged(o.id(), OrderStatus.NEW, OrderStatus.PAID, "client", clock.instant()),
                new OrderStatusChanged(o.id(), OrderStatus.PAID, OrderStatus.PROCESSING, "operator", clock.instant()),
                new OrderStatusChanged(o.id(), OrderStatus.PROCESSING, OrderStatus.SUCCESS, "operator", clock.instant()));
    }

    @ParameterizedTest
    @MethodSource("app.ratelink.testing.Engine#all")
    void theGuardedUpdateLetsOnlyOneOfTwoWritersMove(Engine engine) {
        Fixture f = fixture(engine);
        Order o = f.placement().place(form("100", WALLET), OrderClient.anonymous());
        // Both "nodes" read status new; only the first compare-and-set applies.
        assertThat(f.repository().moveStatus(o.id(), OrderStatus.NEW, OrderStatus.PAID, clock.instant())).isTrue();
        assertThat(f.repository().moveStatus(o.id(), OrderStatus.NEW, OrderStatus.CANCELLED, clock.instant())).isFalse();
        assertThat(f.orders().changeStatusIf(o.id(), OrderStatus.NEW, OrderStatus.CANCELLED, "system", "expired"))
                .isFalse();
        assertThat(f.orders().find(o.id()).orElseThrow().status()).isEqualTo(OrderStatus.PAID);
    }

    @ParameterizedTest
    @MethodSource("app.ratelink.testing.Engine#all")
    void expiresOnlyUnpaidOrdersPastTheirWindow(Engine engine) {
        Fixture f = fixture(engine);
        f.settings().update(Map.of(Setting.ORDER_EXPIRY_MINUTES, "10"));
        Order unpaid = f.placement().place(form("100", WALLET), OrderClient.anonymous());
        Order paid = f.placement().place(form("200", WALLET), OrderClient.anonymous());
        f.orders().changeStatus(paid.id(), OrderStatus.PAID, "client", "");
        clock.advance(Duration.ofMinutes(5));
        Order young = f.placement().place(form("300", WALLET), OrderClient.anonymous());

        clock.advance(Duration.ofMinutes(5)); // unpaid reaches its expires_at exactly
        assertThat(f.orders().expireOverdue(clock.instant(), 100)).isEqualTo(1);
        assertThat(f.orders().expireOverdue(clock.instant(), 100)).isZero();

        assertThat(f.orders().find(unpaid.id()).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(f.orders().history(unpaid.id()).get(1)).satisfies(h -> {
            assertThat(h.actor()).isEqualTo("system");
            assertThat(h.comment()).isEqualTo("expired");
        });
        assertThat(f.orders().find(paid.id()).orElseThrow().status()).isEqualTo(OrderStatus.PAID);
        assertThat(f.orders().find(young.id()).orElseThrow().status()).isEqualTo(OrderStatus.NEW);

        // A client pressing "I have paid" after the window ends finds the order expired, not paid.
        clock.advance(Duration.ofMinutes(5));
        assertThat(f.orders().markPaidByClient(young.publicId())).isEqualTo(Orders.ClientPaid.EXPIRED);
        assertThat(f.orders().find(young.id()).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
    }

    @ParameterizedTest
    @MethodSource("app.ratelink.testing.Engine#all")
    void listsNewestFirstWithFiltersAndStreamsAPartnersRange(Engine engine) {
        Fixture f = fixture(engine);
        List<Order> placed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Referral r = i % 2 == 0 ? new Referral(9, (long) i, "h" + i) : null;
            placed.add(f.placement().place(form(String.valueOf(100 + i), WALLET),
                    new OrderClient(null, null, null, r)));
            clock.advance(Duration.ofMinutes(1));
        }
        f.orders().changeStatus(placed.get(1).id(), OrderStatus.PAID, "client", "");

        assertThat(f.orders().list(OrderQuery.latest(10))).extracting(Order::id)
                .containsExactly(ids(placed, 4, 3, 2, 1, 0));
        assertThat(f.orders().list(OrderQuery.latest(10).withStatus(OrderStatus.PAID))).extracting(Order::id)
                .containsExactly(placed.get(1).id());
        assertThat(f.orders().list(new OrderQuery(null, T0.plus(Duration.ofMinutes(1)), T0.plus(Duration.ofMinutes(3)),
                null, null, 10, 0))).extracting(Order::id).containsExactly(ids(placed, 3, 2, 1));
        assertThat(f.orders().list(new OrderQuery(null, null, null, 9L, null, 10, 0))).extracting(Order::id)
                .containsExactly(ids(placed, 4, 2, 0));
        assertThat(f.orders().list(new OrderQuery(null, null, null, null, placed.get(2).id(), 10, 0)))
                .extracting(Order::id).containsExactly(ids(placed, 1, 0));
        assertThat(f.orders().list(OrderQuery.latest(2).page(2, 1))).extracting(Order::id)
                .containsExactly(ids(placed, 2, 1));
        assertThat(f.orders().count(OrderQuery.latest(1).withStatus(OrderStatus.NEW))).isEqualTo(4);

        List<Long> streamed = new ArrayList<>();
        engine.transactions().executeWithoutResult(s ->
                f.orders().eachOfPartner(9, T0, T0.plus(Duration.ofMinutes(2)), null, o -> streamed.add(o.id())));
        assertThat(streamed).containsExactly(ids(placed, 2, 0)); // both bounds inclusive
        streamed.clear();
        f.orders().eachOfPartner(9, null, null, 1, o -> streamed.add(o.id()));
        assertThat(streamed).containsExactly(placed.get(4).id());

        assertThat(f.orders().countByStatusSince(T0)).containsEntry(OrderStatus.NEW, 4L)
                .containsEntry(OrderStatus.PAID, 1L).containsEntry(OrderStatus.SUCCESS, 0L);
        assertThat(f.orders().countByStatusSince(T0.plus(Duration.ofMinutes(4)))).containsEntry(OrderStatus.NEW, 1L)
                .containsEntry(OrderStatus.PAID, 0L);
    }

    private static Long[] ids(List<Order> placed, int... indexes) {
        Long[] result = new Long[indexes.length];
        for (int i = 0; i < indexes.length; i++) {
            result[i] = placed.get(indexes[i]).id();
        }
        return result;
    }
}
