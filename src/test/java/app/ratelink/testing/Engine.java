package app.ratelink.testing;

import java.util.UUID;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A database engine that repository tests run on: the same test runs on H2 and on PostgreSQL
 * ({@code @ParameterizedTest @MethodSource("app.ratelink.testing.Engine#all")}). Each call gives fresh,
 * migrated databases. JUnit closes an argument that is {@link AutoCloseable} after its invocation, which
 * drops the H2 database: kept until the JVM exited ({@code DB_CLOSE_DELAY=-1}), every invocation left
 * about 0.7 MB of schema and rows in the test JVM's heap (41 databases and 27 MB of H2 objects alone by
 * the time the fuzz tests ran).
 */
public record Engine(String name, DataSource dataSource) implements AutoCloseable {

    public static Stream<Engine> all() {
        return Stream.of(h2(), postgres());
    }

    public static Engine h2() {
        return migrated("H2", new DriverManagerDataSource(
                "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""));
    }

    public static Engine postgres() {
        return migrated("PostgreSQL", new DriverManagerDataSource(
                PostgresTestServer.newDatabase(), PostgresTestServer.user(), ""));
    }

    private static Engine migrated(String name, DataSource ds) {
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        return new Engine(name, ds);
    }

    public JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }

    public TransactionTemplate transactions() {
        return new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /** H2: {@code SHUTDOWN} drops the in-memory database. PostgreSQL's lives in the server, not in this JVM. */
    @Override
    public void close() {
        if (dataSource instanceof DriverManagerDataSource ds && ds.getUrl().startsWith("jdbc:h2:mem:")) {
            jdbc().sql("SHUTDOWN").update();
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
