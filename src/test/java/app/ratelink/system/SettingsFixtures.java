package app.ratelink.system;

import java.time.Clock;

import app.ratelink.testing.Engine;

/** Real {@link Settings} on a test engine, for other features' repository tests. */
public final class SettingsFixtures {

    private SettingsFixtures() {
    }

    public static Settings settings(Engine engine, Clock clock) {
        return new Settings(engine.jdbc(), clock, event -> { }, "http://localhost:8080");
    }

    /** A real audit trail on a test engine (actor "system" outside a request). */
    public static AuditTrail audit(Engine engine, Clock clock) {
        return new AuditTrail(engine.jdbc(), clock, settings(engine, clock));
    }
}
