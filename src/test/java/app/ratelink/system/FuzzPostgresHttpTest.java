package app.ratelink.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import app.ratelink.testing.PostgresTestServer;

/** The fuzz on PostgreSQL (a fresh database): NUL in text is refused there, stored by H2. */
class FuzzPostgresHttpTest extends FuzzHttpTest {

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", PostgresTestServer::newDatabase);
        registry.add("spring.datasource.username", PostgresTestServer::user);
        registry.add("spring.datasource.password", () -> "");
    }

    @Test
    @Timeout(300)
    void everySurfaceAnswersHostileInputWithoutA5xxOrAStackTrace() {
        fuzz(1515L);
    }
}
