package app.ratelink.reward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import app.ratelink.money.BaseCurrency;
import app.ratelink.order.Order;
import app.ratelink.order.OrderPlacement;
import app.ratelink.order.OrderStatus;
import app.ratelink.order.Orders;
import app.ratelink.partner.Partner;
import app.ratelink.partner.PartnerFixtures;
import app.ratelink.partner.Partners;
import app.ratelink.payout.PartnerPayout;
import app.ratelink.payout.PayoutMethod;
import app.ratelink.payout.PayoutRefused;
import app.ratelink.payout.PayoutStatus;
import app.ratelink.payout.Payouts;
import app.ratelink.system.Setting;
import app.ratelink.system.Settings;
import app.ratelink.testing.IntegrationTest;

/** Crediting, reversal and payouts through the real services, on the application's database. */
class RewardsTest extends IntegrationTest {

    @Autowired OrderPlacement placement;
    @Autowired Orders orders;
    @Autowired Rewards rewards;
    @Autowired Payouts payouts;
    @Autowired Partners partners;
    @Autowired Settings settings;
    @Autowired JdbcClient jdbc;

    RewardFixtures catalog;
    Partner partner;

    @BeforeEach
    void setUp() {
        catalog = new RewardFixtures(operator());
        partner = PartnerFixtures.partner(partners);
    }

    @AfterEach
    void defaults() {
        settings.update(Map.of(Setting.MIN_PAYOUT, Setting.MIN_PAYOUT.defaultValue(),
                Setting.REWARD_LEVELS, Setting.REWARD_LEVELS.defaultValue()));
    }

    private Order success(Order order) {
        orders.changeStatus(order.id(), OrderStatus.PAID, "test", "");
        orders.changeStatus(order.id(), OrderStatus.SUCCESS, "test", "");
        return orders.find(order.id()).orElseThrow();
    }

    private long entries(long orderId, String kind) {
        return jdbc.sql("SELECT COUNT(*) FROM reward_ledger WHERE order_id = :o AND kind = :k")
                .param("o", orderId).param("k", kind).query(Long.class).single();
    }

    private boolean accrued(long orderId) {
        List<PartnerOrder> seen = new ArrayList<>();
        rewards.eachOrderOfPartner(partner.id(), null, null, null, seen::add);
        return seen.stream().filter(o -> o.id() == orderId).findFirst().orElseThrow().accrued();
    }

    private BigDecimal ledgerSum() {
        return jdbc.sql("SELECT COALESCE(SUM(amount), 0) FROM reward_ledger WHERE partner_id = :p")
                .param("p", partner.id()).query(BigDecimal.class).single();
    }

    @Test
    void theRewardIsShownAtCreationAndCreditedOnceOnSuccess() {
        // 1000 USD × 5 % profit × 10 % (default level) = 5.00 USD
        Order order = catalog.order(placement, partner.id(), "1000", "client@example.test");
        assertThat(orders.find(order.id()).orElseThrow().partnerReward()).isEqualByComparingTo("5");
        assertThat(accrued(order.id())).isFalse();
        assertThat(payouts.balance(partner.id()).amount()).isEqualByComparingTo("0");

        success(order);
        orders.changeStatus(order.id(), OrderStatus.SUCCESS, "test", "again");
        assertThat(entries(order.id(), "credit")).isEqualTo(1);
        assertThat(accrued(order.id())).isTrue();
        assertThat(payouts.balance(partner.id()).amount()).isEqualByComparingTo("5").isEqualByComparingTo(ledgerSum());
    }

    @Test
    void successSetInParallelCreditsOnce() throws Exception {
        Order order = catalog.order(placement, partner.id(), "1000", "client@example.test");
        orders.changeStatus(order.id(), OrderStatus.PAID, "test", "");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            done.add(pool.submit(() -> {
                start.await();
                try {
                    orders.changeStatus(order.id(), OrderStatus.SUCCESS, "thread", "");
                } catch (RuntimeException e) {
                    // a lost race may be refused; the credit below is what matters
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        assertThat(orders.find(order.id()).orElseThrow().status()).isEqualTo(OrderStatus.SUCCESS);
        assertThat(entries(order.id(), "credit")).isEqualTo(1);
        assertThat(payouts.balance(partner.id()).amount()).isEqualByComparingTo("5");
    }

    @Test
    void leavingSuccessReversesAndAccruedFallsBackToZero() {
        Order order = success(catalog.order(placement, partner.id(), "1000", "client@example.test"));
        orders.changeStatus(order.id(), OrderStatus.REFUNDED, "test", "chargeback");
        assertThat(entries(order.id(), "reversal")).isEqualTo(1);
        assertThat(accrued(order.id())).isFalse();
        assertThat(payouts.balance(partner.id()).amount()).isEqualByComparingTo("0").isEqualByComparingTo(ledgerSum());
    }

    @Test
    void errorThenSuccessAgainCreditsAgainExactlyOnce() {
        Order order = success(catalog.order(placement, partner.id(), "1000", "client@example.test"));
        orders.changeStatus(order.id(), OrderStatus.ERROR, "test", "");
        assertThat(accrued(order.id())).isFalse();
        orders.changeStatus(order.id(), OrderStatus.SUCCESS, "test", "");
        assertThat(entries(order.id(), "credit")).isEqualTo(2);
        assertThat(entries(order.id(), "reversal")).isEqualTo(1);
        assertThat(accrued(order.id())).isTrue();
        assertThat(payouts.balance(partner.id()).amount()).isEqualByComparingTo("5");
    }

    @Test
    void selfReferralEarnsNothing() {
        Order order = success(catalog.order(placement, partner.id(), "1000", partner.email().toUpperCase()));
        assertThat(orders.find(order.id()).orElseThrow().partnerReward()).isEqualByComparingTo("0");
        assertThat(entries(order.id(), "credit")).isZero();
    }

    @Test
    void payoutBelowTheMinimumIsRefusedAndChangesNothing() {
        success(catalog.order(placement, partner.id(), "1000", "client@example.test"));
        settings.update(Map.of(Setting.MIN_PAYOUT, "5.01"));
        long method = method().id();
        assertThatThrownBy(() -> payouts.request(partner.id(), method, "U1234567"))
                .isInstanceOfSatisfying(PayoutRefused.class, e -> assertThat(e.reason()).isEqualTo(PayoutRefused.Reason.NOT_ENOUGH_MONEY));
        assertThat(payouts.balance(partner.id()).amount()).isEqualByComparingTo("5");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM payouts WHERE partner_id = :p").param("p", partner.id())
                .query(Long.class).single()).isZero();
    }

    @Test
    void badAccountAndMethodsThatDoNotPayAreRefused() {
        success(catalog.order(placement, partner.id(), "1000", "client@example.test"));
        assertThatThrownBy(() -> payouts.request(partner.id(), method().id(), "not-a-wallet"))
                .isInstanceOfSatisfying(PayoutRefused.class, e -> assertThat(e.reason()).isEqualTo(PayoutRefused.Reason.INVALID_ACCOUNT));
        assertThatThrownBy(() -> payouts.request(partner.id(), 987654321L, "U1234567"))
                .isInstanceOfSatisfying(PayoutRefused.class, e -> assertThat(e.reason()).isEqualTo(PayoutRefused.Reason.METHOD_NOT_ALLOWED));
    }

    @Test
    void aRequestHoldsTheWholeBalanceRejectReturnsItPayCountsAsReceived() {
        success(catalog.order(placement, partner.id(), "1000", "client@example.test"));
        success(catalog.order(placement, partner.id(), "2000", "client@example.test"));
        settings.update(Map.of(Setting.MIN_PAYOUT, "15"));
        PayoutMethod method = method();
        assertThat(payouts.amountIn(method, BaseCurrency.of(new BigDecimal("15"))).amount()).isEqualByComparingTo("14.7");

        long first = payouts.request(partner.id(), method.id(), "U1234567");
        assertThat(payouts.balance(partner.id()).amount()).isEqualByComparingTo("0");
        assertThat(payouts.pending(partner.id()).amount()).isEqualByComparingTo("15");
        assertThatThrownBy(() -> payouts.request(partner.id(), method.id(), "U1234567")).isInstanceOf(PayoutRefused.class);

        assertThat(payouts.reject(first, "admin", "wrong wallet").status()).isEqualTo(PayoutStatus.REJECTED);
        assertThat(payouts.balance(partner.id()).amount()).isEqualByComparingTo("15").isEqualByComparingTo(ledgerSum());

        long second = payouts.request(partner.id(), method.id(), "U7654321");
        assertThat(payouts.cancel(partner.id() + 1_000_000, second)).isFalse();
        assertThat(payouts.cancel(partner.id(), second)).isTrue();
        assertThat(payouts.cancel(partner.id(), second)).isFalse();
        assertThat(payouts.balance(partner.id()).amount()).isEqualByComparingTo("15");

        long third = payouts.request(partner.id(), method.id(), "U7654321");
        assertThat(payouts.byId(third).orElseThrow().payAmount().amount()).isEqualByComparingTo("14.7");
        payouts.pay(third, "admin", "");
        assertThat(payouts.totalReceived(partner.id()).amount()).isEqualByComparingTo("15");
        assertThat(payouts.balance(partner.id()).amount()).isEqualByComparingTo("0").isEqualByComparingTo(ledgerSum());
        assertThatThrownBy(() -> payouts.reject(third, "admin", "too late")).isInstanceOf(RuntimeException.class);
        assertThat(payouts.balance(partner.id()).amount()).isEqualByComparingTo("0");
    }

    @Test
    void aPartnerWhoReachedALevelMeanwhileIsCreditedAtTheNewPercent() {
        settings.update(Map.of(Setting.REWARD_LEVELS, "0:10, 1500:20"));
        Order a = catalog.order(placement, partner.id(), "1000", "client@example.test");
        Order b = catalog.order(placement, partner.id(), "1000", "client@example.test");
        Order c = catalog.order(placement, partner.id(), "1000", "client@example.test");
        assertThat(b.id()).isNotEqualTo(c.id());
        success(a);
        success(c);
        // Created when the turnover was 0 (10 %); by its success the other orders made 2000 USD (20 %).
        assertThat(orders.find(b.id()).orElseThrow().partnerReward()).isEqualByComparingTo("5");
        success(b);
        assertThat(orders.find(b.id()).orElseThrow().partnerReward()).isEqualByComparingTo("10");
        assertThat(rewards.standing(b.id()).amount()).isEqualByComparingTo("10");
        assertThat(payouts.balance(partner.id()).amount()).isEqualByComparingTo("20").isEqualByComparingTo(ledgerSum());
    }

    /**
     * A seeded random walk through everything that moves money: orders placed and moved along every
     * allowed status, payouts requested, cancelled, rejected and paid. After every step the balance is
     * the ledger sum and also SPEC §4's definition (credits standing − pending − paid payouts), and
     * {@code accrued} is true exactly for the successful orders with a reward.
     */
    @Test
    void theBalanceAlwaysEqualsTheLedgerSumAndTheSpecDefinition() {
        settings.update(Map.of(Setting.MIN_PAYOUT, "1"));
        long methodId = method().id();
        Random random = new Random(7);
        List<Long> mine = new ArrayList<>();
        String[] amounts = {"10", "99.99", "250", "1000", "1234.56", "3333.33"};
        for (int step = 0; step < 120; step++) {
            int what = random.nextInt(10);
            if (what < 3 || mine.isEmpty()) {
                mine.add(catalog.order(placement, partner.id(), amounts[random.nextInt(amounts.length)],
                        "client@example.test").id());
            } else if (what < 8) {
                long id = mine.get(random.nextInt(mine.size()));
                List<OrderStatus> next = new ArrayList<>(orders.find(id).orElseThrow().status().nextStatuses());
                if (!next.isEmpty()) {
                    orders.changeStatus(id, next.get(random.nextInt(next.size())), "walk", "");
                }
            } else if (what == 8) {
                try {
                    payouts.request(partner.id(), methodId, "U1234567");
                } catch (PayoutRefused e) {
                    assertThat(payouts.balance(partner.id()).amount()).isLessThan(BigDecimal.ONE);
                }
            } else {
                List<PartnerPayout> pending = new ArrayList<>();
                payouts.eachOfPartner(partner.id(), null, null, null, p -> {
                    if (p.status() == PayoutStatus.PENDING.code()) {
                        pending.add(p);
                    }
                });
                if (!pending.isEmpty()) {
                    long id = pending.get(0).id();
                    switch (random.nextInt(3)) {
                        case 0 -> payouts.pay(id, "walk", "");
                        case 1 -> payouts.reject(id, "walk", "");
                        default -> assertThat(payouts.cancel(partner.id(), id)).isTrue();
                    }
                }
            }
            assertInvariants(step);
        }
        assertThat(mine).hasSizeGreaterThan(20);
        assertThat(jdbc.sql("SELECT COUNT(DISTINCT kind) FROM reward_ledger WHERE partner_id = :p")
                .param("p", partner.id()).query(Long.class).single()).as("the walk booked every kind").isEqualTo(4);
    }

    private void assertInvariants(int step) {
        BigDecimal standing = BigDecimal.ZERO;
        List<PartnerOrder> seen = new ArrayList<>();
        rewards.eachOrderOfPartner(partner.id(), null, null, null, seen::add);
        for (PartnerOrder o : seen) {
            BigDecimal credited = rewards.standing(o.id()).amount();
            boolean earns = o.success() && o.partnerReward().compareTo(RewardCalculation.MINIMUM.amount()) >= 0;
            assertThat(o.accrued()).as("step %d, order %d accrued", step, o.id()).isEqualTo(earns);
            assertThat(credited).as("step %d, order %d credit", step, o.id())
                    .isEqualByComparingTo(earns ? o.partnerReward() : BigDecimal.ZERO);
            standing = standing.add(credited);
        }
        BigDecimal spec = standing.subtract(payouts.pending(partner.id()).amount()).subtract(payouts.totalReceived(partner.id()).amount());
        assertThat(payouts.balance(partner.id()).amount()).as("step %d", step)
                .isEqualByComparingTo(ledgerSum()).isEqualByComparingTo(spec);
    }

    private PayoutMethod method() {
        return payouts.methods().stream().filter(m -> m.currencyCode().equals(catalog.usd)).findFirst().orElseThrow();
    }
}
