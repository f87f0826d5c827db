package app.ratelink.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import app.ratelink.system.SqlTime;
import app.ratelink.testing.Engine;
import app.ratelink.testing.MutableClock;

/** API keys against a real database, on H2 and PostgreSQL. */
class ApiKeysTest {

    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");


    final MutableClock clock = new MutableClock(T0);

    static long partner(Engine engine, String code, boolean confirmed, boolean banned) {
        engine.jdbc().sql("""
                INSERT INTO partners (code, email, password_hash, confirmed, banned, notes, created_at)
                VALUES (:code, :email, '{noop}x', :confirmed, :banned, '', :at)""")
                .param("code", code).param("email", code + "@keys.test").param("confirmed", confirmed)
                .param("banned", banned).param("at", SqlTime.of(T0)).update();
        return engine.jdbc().sql("SELECT id FROM partners WHERE code = :code").param("code", code)
                .query(Long.class).single();
    }

    static Instant lastUsed(Engine engine, long keyId) {
        return engine.jdbc().sql("SELECT last_used_at FROM api_keys WHERE id = :id").param("id", keyId)
                .query((rs, n) -> java.util.Optional.ofNullable(SqlTime.instant(rs, "last_used_at"))).single()
                .orElse(null);
    }

    @ParameterizedTest
    @MethodSource("app.ratelink.testing.Engine#all")
    void aKeyIsStoredOnlyAsAHashAndAuthenticatesItsPartner(Engine engine) {
        ApiKeys keys = new ApiKeys(engine.jdbc(), clock);
        long partner = partner(engine, "kp1", true, false);
        NewApiKey created = keys.create(partner);
        String key = created.key();
        assertThat(key).hasSize(44).matches("[0-9a-f]+");
        assertThat(created.listed().prefix()).isEqualTo(key.substring(0, 12));
        String stored = engine.jdbc().sql("SELECT key_hash FROM api_keys WHERE id = :id")
                .param("id", created.listed().id()).query(String.class).single();
        assertThat(stored).hasSize(64).doesNotContain(key.substring(12));

        assertThat(keys.authenticate(key)).contains(partner);
        assertThat(keys.authenticate(" " + key.toUpperCase() + " ")).contains(partner);
        assertThat(keys.list(partner)).singleElement().satisfies(k -> {
            assertThat(k.prefix()).isEqualTo(key.substring(0, 12));
            assertThat(k.createdAt()).isEqualTo(T0);
            assertThat(k.revoked()).isFalse();
        });
        // Two keys of one partner never share a secret.
        assertThat(keys.create(partner).key()).isNotEqualTo(key);
    }

    @ParameterizedTest
    @MethodSource("app.ratelink.testing.Engine#all")
    void garbageNeverAuthenticatesAndNeverThrows(Engine engine) {
        ApiKeys keys = new ApiKeys(engine.jdbc(), clock);
        String key = keys.create(partner(engine, "kp2", true, false)).key();
        String wrongSecret = key.substring(0, 43) + (key.endsWith("a") ? "b" : "a");
        for (String garbage : new String[] {null, "", "   ", "x", key.substring(0, 12), key + "0",
                "z".repeat(44), "'; DROP TABLE api_keys; --" + "0".repeat(18), wrongSecret,
                "0".repeat(44), "\u0000".repeat(44)}) {
            assertThat(keys.authenticate(garbage)).as(String.valueOf(garbage)).isEmpty();
        }
        assertThat(keys.authenticate(key)).isPresent();
    }

    @ParameterizedTest
    @MethodSource("app.ratelink.testing.Engine#all")
    void lastUsedIsWrittenAtMostOnceAMinute(Engine engine) {
        ApiKeys keys = new ApiKeys(engine.jdbc(), clock);
        NewApiKey created = keys.create(partner(engine, "kp3", true, false));
        long id = created.listed().id();
        assertThat(lastUsed(engine, id)).isNull();
        keys.authenticate(created.key());
        assertThat(lastUsed(engine, id)).isEqualTo(T0);
        clock.set(T0.plusSeconds(59));
        keys.authenticate(created.key());
        assertThat(lastUsed(engine, id)).isEqualTo(T0);
        clock.set(T0.plus(ApiKeys.LAST_USED_PRECISION).plusSeconds(1));
        keys.authenticate(created.key());
        assertThat(lastUsed(engine, id)).isEqualTo(clock.instant());
        assertThat(keys.list(created.listed().partnerId()).get(0).lastUsedAt()).isEqualTo(clock.instant());
    }

    @ParameterizedTest
    @MethodSource("app.ratelink.testing.Engine#all")
    void onlyTheOwnerRevokesAndARevokedKeyIsRefused(Engine engine) {
        ApiKeys keys = new ApiKeys(engine.jdbc(), clock);
        long owner = partner(engine, "kp4", true, false);
        long other = partner(engine, "kp5", true, false);
        NewApiKey created = keys.create(owner);
        assertThat(keys.revoke(other, created.listed().id())).isFalse();
        assertThat(keys.authenticate(created.key())).contains(owner);
        assertThat(keys.list(other)).isEmpty();

        clock.set(T0.plus(Duration.ofHours(1)));
        assertThat(keys.revoke(owner, created.listed().id())).isTrue();
        assertThat(keys.revoke(owner, created.listed().id())).isFalse();
        assertThat(keys.authenticate(created.key())).isEmpty();
        assertThat(keys.list(owner)).singleElement().satisfies(k -> assertThat(k.revokedAt()).isEqualTo(clock.instant()));
    }

    @ParameterizedTest
    @MethodSource("app.ratelink.testing.Engine#all")
    void keysOfUnconfirmedOrBannedPartnersAreRefused(Engine engine) {
        ApiKeys keys = new ApiKeys(engine.jdbc(), clock);
        String unconfirmed = keys.create(partner(engine, "kp6", false, false)).key();
        long bannedId = partner(engine, "kp7", true, false);
        String banned = keys.create(bannedId).key();
        assertThat(keys.authenticate(unconfirmed)).isEmpty();
        assertThat(keys.authenticate(banned)).contains(bannedId);
        engine.jdbc().sql("UPDATE partners SET banned = TRUE WHERE id = :id").param("id", bannedId).update();
        assertThat(keys.authenticate(banned)).isEmpty();
    }
}
