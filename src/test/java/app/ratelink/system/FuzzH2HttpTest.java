package app.ratelink.system;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The fuzz on H2 (its own in-memory database). */
class FuzzH2HttpTest extends FuzzHttpTest {

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:fuzz-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    @Test
    @Timeout(300)
    void everySurfaceAnswersHostileInputWithoutA5xxOrAStackTrace() {
        fuzz(15L);
    }
}

