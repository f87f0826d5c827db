package app.ratelink.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import app.ratelink.testing.Engine;

/** An audit entry keeps only the fields that changed, as before → after, on both engines. */
class AuditTrailTest {

    final Clock clock = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);

    @ParameterizedTest
    @MethodSource("app.ratelink.testing.Engine#all")
    void keepsTheChangedFieldsOnly(Engine engine) {
        AuditTrail audit = new AuditTrail(engine.jdbc(), clock, SettingsFixtures.settings(engine, clock));
        audit.record("direction.update", "PMUSD/BTC",
                Map.of("in", new BigDecimal("65000.00"), "out", BigDecimal.ONE, "active", true),
                Map.of("in", new BigDecimal("65500"), "out", BigDecimal.ONE, "active", true));

        String row = engine.jdbc().sql("SELECT actor, action, target, changes FROM audit_entry")
                .query((rs, n) -> String.join("|", rs.getString("actor"), rs.getString("action"),
                        rs.getString("target"), rs.getString("changes"))).single();
        assertThat(row).isEqualTo("system|direction.update|PMUSD/BTC|{\"in\":{\"before\":\"65000\",\"after\":\"65500\"}}");
    }

    @ParameterizedTest
    @MethodSource("app.ratelink.testing.Engine#all")
    void theDatabaseRefusesToChangeOrDeleteAnEntry(Engine engine) {
        AuditTrail audit = new AuditTrail(engine.jdbc(), clock, SettingsFixtures.settings(engine, clock));
        audit.record("settings.update", "settings", Map.of("timeZone", "UTC"), Map.of("timeZone", "Europe/Moscow"));

        assertThatThrownBy(() -> engine.jdbc().sql("UPDATE audit_entry SET actor = 'someone else'").update())
                .hasStackTraceContaining("never changed");
        assertThatThrownBy(() -> engine.jdbc().sql("DELETE FROM audit_entry").update())
                .hasStackTraceContaining("never changed");
        assertThat(engine.jdbc().sql("SELECT actor FROM audit_entry").query(String.class).single()).isEqualTo("system");
        assertThat(audit.search(null, "settings", null, null, null, 10)).singleElement()
                .satisfies(e -> assertThat(e.changesMap()).containsKey("timeZone"));
    }
}
