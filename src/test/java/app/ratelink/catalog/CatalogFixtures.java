package app.ratelink.catalog;

import java.time.Clock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;

import app.ratelink.system.SettingsFixtures;
import app.ratelink.testing.Engine;

/** A real {@link Catalog} on a test engine, for other features' repository tests. */
public final class CatalogFixtures {

    private CatalogFixtures() {
    }

    public static Catalog catalog(Engine engine, Clock clock) {
        return new Catalog(new CatalogRepository(engine.jdbc(), new JdbcTemplate(engine.dataSource())), clock, event -> { }, SettingsFixtures.audit(engine, clock));
    }

    public static Catalog catalog(Engine engine, Clock clock, ApplicationEventPublisher events) {
        return new Catalog(new CatalogRepository(engine.jdbc(), new JdbcTemplate(engine.dataSource())), clock, events, SettingsFixtures.audit(engine, clock));
    }
}
