package app.ratelink.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import app.ratelink.testing.IntegrationTest;

class HealthAndOperatorAuthTest extends IntegrationTest {

    @Test
    void healthAnswersUp() {
        HttpResponse<String> r = http().get("/actuator/health");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void operatorApiNeedsTheBearerToken() {
        assertThat(http().get("/api/operator/v1/currencies").statusCode()).isEqualTo(401);
        assertThat(http().withHeader("Authorization", "Bearer wrong").get("/api/operator/v1/currencies")
                .statusCode()).isEqualTo(401);
        HttpResponse<String> ok = operator().get("/api/operator/v1/currencies");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("json"));
    }

    @Test
    void metricsNeedTheOperatorTokenWhileHealthStaysOpen() {
        assertThat(http().get("/actuator/metrics").statusCode()).isEqualTo(401);
        assertThat(http().get("/actuator/metrics/jvm.memory.used").statusCode()).isEqualTo(401);
        assertThat(http().get("/actuator/prometheus").statusCode()).isEqualTo(401);
        assertThat(operator().get("/actuator/metrics/jvm.memory.used").statusCode()).isEqualTo(200);
        assertThat(operator().get("/actuator/prometheus").statusCode()).isIn(200, 404);
        assertThat(http().get("/actuator/health").statusCode()).isEqualTo(200);
    }

    @Test
    void settingsAreValidatedByName() {
        HttpResponse<String> bad = operator().json("PUT", "/api/operator/v1/settings", "{\"timeZone\":\"Mars/Base\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"field\":\"timeZone\"");
        HttpResponse<String> unknown = operator().json("PUT", "/api/operator/v1/settings", "{\"nope\":1}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        HttpResponse<String> ok = operator().json("PUT", "/api/operator/v1/settings", "{\"cookieLifetimeDays\":30}");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("\"cookieLifetimeDays\":\"30\"");
        operator().json("PUT", "/api/operator/v1/settings", "{\"cookieLifetimeDays\":365}");
    }
}
