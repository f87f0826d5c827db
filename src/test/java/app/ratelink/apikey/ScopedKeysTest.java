package app.ratelink.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import app.ratelink.testing.Engine;
import app.ratelink.testing.MutableClock;

/** Scoped keys on H2 and PostgreSQL: methods, the address allow-list (IPv4, IPv6, CIDR) and the call log. */
class ScopedKeysTest {

    final MutableClock clock = new MutableClock(ApiKeysTest.T0);

    @ParameterizedTest
    @MethodSource("app.ratelink.testing.Engine#all")
    void aKeyKeepsItsMethodsAndAddresses(Engine engine) {
        ApiKeys keys = new ApiKeys(engine.jdbc(), clock);
        long partner = ApiKeysTest.partner(engine, "sk" + engine.name().length(), true, false);
        NewApiKey scoped = keys.create(partner, List.of("get_links", "get_info"), " 203.0.113.0/24 ,2001:db8::/32,, 192.0.2.7 ");
        ApiKey key = keys.check(scoped.key()).orElseThrow();
        assertThat(key.methodList()).containsExactly("get_info", "get_links");
        assertThat(key.allowsMethod("get_links")).isTrue();
        assertThat(key.allowsMethod("add_payout")).isFalse();
        assertThat(key.allowedIps()).isEqualTo("203.0.113.0/24, 2001:db8::/32, 192.0.2.7");
        assertThat(key.allowsAddress("203.0.113.200")).isTrue();
        assertThat(key.allowsAddress("203.0.114.1")).isFalse();
        assertThat(key.allowsAddress("192.0.2.7")).isTrue();
        assertThat(key.allowsAddress("192.0.2.8")).isFalse();
        assertThat(key.allowsAddress("2001:db8:1::5")).isTrue();
        assertThat(key.allowsAddress("2001:0db8:0000::1")).isTrue();
        assertThat(key.allowsAddress("2001:db9::1")).isFalse();
        assertThat(key.allowsAddress(null)).isFalse();
        assertThat(key.allowsAddress("example.com")).isFalse();
        assertThat(keys.list(partner)).singleElement().satisfies(k -> assertThat(k.methods()).hasSize(2));

        ApiKey open = keys.check(keys.create(partner).key()).orElseThrow();
        assertThat(open.methods()).as("every method is no scope").isEmpty();
        assertThat(open.allowsMethod("get_payouts")).isTrue();
        assertThat(open.allowsAddress("198.51.100.1")).isTrue();
        assertThat(open.allowsAddress(null)).isTrue();
        assertThat(keys.check(keys.create(partner, ApiKey.METHODS, "").key()).orElseThrow().methods()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("app.ratelink.testing.Engine#all")
    void aScopeThatCannotBeKeptIsRefusedByField(Engine engine) {
        ApiKeys keys = new ApiKeys(engine.jdbc(), clock);
        long partner = ApiKeysTest.partner(engine, "sr" + engine.name().length(), true, false);
        assertThatThrownBy(() -> keys.create(partner, List.of(), "")).isInstanceOfSatisfying(
                InvalidKeyScopeException.class, e -> assertThat(e.field()).isEqualTo("methods"));
        assertThatThrownBy(() -> keys.create(partner, List.of("get_everything"), "")).isInstanceOfSatisfying(
                InvalidKeyScopeException.class, e -> assertThat(e.argument()).isEqualTo("get_everything"));
        for (String bad : List.of("example.com", "10.0.0.0/33", "1.2.3", "2001:db8::/129", "10.0.0.0/x", "1.2.3.4, nope")) {
            assertThatThrownBy(() -> keys.create(partner, List.of("get_info"), bad)).as(bad).isInstanceOfSatisfying(
                    InvalidKeyScopeException.class, e -> assertThat(e.field()).isEqualTo("allowedIps"));
        }
        assertThat(keys.list(partner)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("app.ratelink.testing.Engine#all")
    void eachKeyKeepsItsLastThousandCallsNewestFirst(Engine engine) {
        ApiKeys keys = new ApiKeys(engine.jdbc(), clock);
        long partner = ApiKeysTest.partner(engine, "sc" + engine.name().length(), true, false);
        long other = ApiKeysTest.partner(engine, "so" + engine.name().length(), true, false);
        ApiKey key = keys.create(partner).listed();
        ApiKey second = keys.create(partner).listed();
        for (int i = 0; i < 1_060; i++) {
            clock.advance(Duration.ofSeconds(1));
            keys.logCall(key.id(), i % 2 == 0 ? "get_info" : "get_links", "203.0.113." + (i % 250),
                    i == 1_059 ? "Method not supported" : "success");
        }
        keys.logCall(second.id(), "get_payouts", "2001:db8::1", "REST API key error");

        List<ApiKeyCall> calls = keys.calls(partner, key.id()).orElseThrow();
        assertThat(calls).hasSize(ApiKeys.CALL_LOG);
        assertThat(calls.get(0).result()).isEqualTo("Method not supported");
        assertThat(calls.get(0).method()).isEqualTo("get_links");
        assertThat(calls.get(0).time()).isEqualTo(clock.instant());
        assertThat(calls.get(0).time()).isAfter(calls.get(1).time());
        assertThat(calls.get(999).time()).isEqualTo(clock.instant().minusSeconds(999));
        long stored = engine.jdbc().sql("SELECT COUNT(*) FROM api_key_calls WHERE key_id = :k").param("k", key.id())
                .query(Long.class).single();
        assertThat(stored).as("trimmed as it grows").isBetween(1_000L, 1_050L);
        assertThat(keys.calls(partner, second.id()).orElseThrow()).singleElement()
                .satisfies(c -> assertThat(c.address()).isEqualTo("2001:db8::1"));
        assertThat(keys.calls(other, key.id())).as("another partner's key").isEmpty();
    }

    @Test
    void theMethodsAreThoseOfThePartnerApi() {
        assertThat(ApiKey.METHODS).containsExactly("get_info", "get_exchanges", "get_links", "get_payouts", "add_payout");
    }
}
