package app.ratelink.testing;

import java.nio.file.Path;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import app.ratelink.RatelinkApplication;

/**
 * Two whole application nodes on one fresh PostgreSQL database, as behind a load balancer, each on its own
 * random port and data folder ({@code target/<folder>/a|b}).
 */
public record TwoNodes(ConfigurableApplicationContext a, ConfigurableApplicationContext b) implements AutoCloseable {

    public static TwoNodes start(String folder, int poolSize) {
        String url = PostgresTestServer.newDatabase();
        String user = PostgresTestServer.user();
        // One after the other: the first migrates the shared database (and creates the admin), the second
        // finds it ready.
        ConfigurableApplicationContext a = node(folder, "a", url, user, poolSize);
        try {
            return new TwoNodes(a, node(folder, "b", url, user, poolSize));
        } catch (RuntimeException e) {
            a.close();
            throw e;
        }
    }

    private static ConfigurableApplicationContext node(String folder, String name, String url, String user,
                                                       int poolSize) {
        // Command-line arguments outrank application-test.properties (which points at H2).
        return new SpringApplicationBuilder(RatelinkApplication.class).profiles("test").run(
                "--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
                "--spring.datasource.password=", "--server.port=0",
                "--spring.datasource.hikari.maximum-pool-size=" + poolSize,
                "--ratelink.data-dir=" + Path.of("target", folder, name), "--spring.jmx.enabled=false");
    }

    /** {@code http://localhost:<port>} of a node. */
    public static String base(ConfigurableApplicationContext node) {
        return "http://localhost:" + node.getEnvironment().getProperty("local.server.port");
    }

    @Override
    public void close() {
        b.close();
        a.close();
    }
}
