package app.ratelink.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Base of HTTP-level tests: the whole application on a random port over an in-memory H2 database that
 * all such tests share (one cached context), so each test makes its own data (unique codes, e-mails).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class IntegrationTest {

    public static final String OPERATOR_TOKEN = "test-operator-token";

    @LocalServerPort
    protected int port;

    /** A fresh client (own cookie jar) against this test's server. */
    protected TestHttp http() {
        return new TestHttp("http://localhost:" + port);
    }

    /** A client logged in as the test profile's admin (application-test.properties). */
    protected TestHttp admin() {
        TestHttp client = http();
        assertThat(client.get("/admin/login").statusCode()).isEqualTo(200);
        HttpResponse<String> login = client.postForm("/admin/login",
                Map.of("email", "admin@test.local", "password", "admin-password-1"));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/admin");
        return client;
    }

    /** A client that sends the operator bearer token. */
    protected TestHttp operator() {
        return http().withHeader("Authorization", "Bearer " + OPERATOR_TOKEN);
    }
}
