package app.ratelink.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL server for tests: the machine's server on 127.0.0.1:5432 (trust auth) when it answers,
 * otherwise an embedded one from Maven (zonky). Each caller gets a database of its own, dropped when the
 * test JVM ends, so test runs never see each other's rows.
 */
public final class PostgresTestServer {

    private static final List<String> CREATED = new ArrayList<>();
    private static String adminUrl;
    private static String user;
    private static EmbeddedPostgres embedded;

    private PostgresTestServer() {
    }

    /** JDBC URL of a new, empty database. */
    public static synchronized String newDatabase() {
        start();
        String name = "rl_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(adminUrl, user, "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database", e);
        }
        CREATED.add(name);
        return adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + name;
    }

    public static String user() {
        start();
        return user;
    }

    private static void start() {
        if (adminUrl != null) {
            return;
        }
        if (answers("127.0.0.1", 5432)) {
            adminUrl = "jdbc:postgresql://127.0.0.1:5432/test";
            user = "postgres";
        } else {
            try {
                embedded = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new IllegalStateException("No PostgreSQL on 127.0.0.1:5432 and embedded one failed", e);
            }
            adminUrl = embedded.getJdbcUrl("postgres", "postgres");
            user = "postgres";
        }
        Runtime.getRuntime().addShutdownHook(new Thread(PostgresTestServer::dropAll));
    }

    /**
     * Drops this JVM's databases on several connections at once. PostgreSQL 15 makes every DROP DATABASE wait for
     * an immediate checkpoint and unlink the database's files: about a second each on a busy machine, one after
     * the other, so the unit-test JVM outlived surefire's 30 s exit limit, was killed and left the rest behind
     * (the server's log showed one "checkpoint starting: immediate force wait" per drop, ~1 s apart, until the
     * connection was reset). Drops on parallel connections do not wait for each other.
     */
    private static void dropAll() {
        List<String> names;
        synchronized (PostgresTestServer.class) {
            names = List.copyOf(CREATED);
        }
        ExecutorService drops = Executors.newFixedThreadPool(Math.max(1, Math.min(8, names.size())));
        for (String name : names) {
            drops.execute(() -> {
                try (Connection c = DriverManager.getConnection(adminUrl, user, "");
                     Statement s = c.createStatement()) {
                    s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                } catch (SQLException e) {
                    // best effort: a leftover test database is harmless
                }
            });
        }
        drops.shutdown();
        try {
            drops.awaitTermination(25, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                // shutting down anyway
            }
        }
    }

    private static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
