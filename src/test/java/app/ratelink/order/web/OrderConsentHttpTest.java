package app.ratelink.order.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.ratelink.order.Orders;
import app.ratelink.testing.IntegrationTest;
import app.ratelink.testing.TestHttp;

/**
 * Consent where a direction needs it (contracts: {@code requiresConsent} in the operator API, the form field
 * {@code consent}, the page {@code /rules}): the checkbox is shown and required only there, the order keeps
 * the time of consent, and the admin form sets the flag.
 */
class OrderConsentHttpTest extends IntegrationTest {

    @Autowired
    Orders orders;

    @Test
    void aDirectionThatRequiresConsentRefusesAnOrderWithoutIt() {
        String from = TestCatalog.code("KF");
        String to = TestCatalog.code("KT");
        new TestCatalog(operator()).currency(from, "Consent From", "USD", 2, "1000", "", "Pay")
                .currency(to, "Consent To", "TOK", 2, "1000", "", "").direction(from, to, "1", "1", "1", "100", true);
        String page = "/exchange/" + from + "/" + to;
        assertThat(http().get(page).body()).doesNotContain("name=\"consent\"");
        assertThat(operator().get("/api/operator/v1/directions/" + from + "/" + to).body())
                .contains("\"requiresConsent\":false");

        HttpResponse<String> put = operator().json("PUT", "/api/operator/v1/directions/" + from + "/" + to,
                "{\"requiresConsent\":true}");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(put.body()).contains("\"requiresConsent\":true");

        TestHttp client = http();
        String form = client.get(page).body();
        assertThat(form).contains("name=\"consent\"").contains("href=\"/rules\"");
        HttpResponse<String> refused = client.postForm(page, Map.of("amount", "10", "account", "A1",
                "email", "consent@example.com"));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("id=\"consent-error\"");

        HttpResponse<String> created = client.postForm(page, Map.of("amount", "10", "account", "A1",
                "email", "consent@example.com", "consent", "true"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        String publicId = created.headers().firstValue("Location").orElseThrow().replaceAll(".*/order/", "");
        assertThat(orders.byPublicId(publicId).orElseThrow().consentedAt()).isNotNull();
        assertThat(operator().get("/api/operator/v1/orders/" + publicId).body()).contains("\"consentedAt\":\"");

        HttpResponse<String> rules = http().get("/rules");
        assertThat(rules.statusCode()).isEqualTo(200);
        assertThat(rules.body()).contains("id=\"rules\"").contains("AML");
        assertThat(http().withHeader("Accept-Language", "ru").get("/rules").body()).contains("Правила обмена");

        // The admin form: unticking the box clears the flag.
        TestHttp admin = admin();
        admin.get("/admin/directions/" + from + "/" + to);
        assertThat(admin.get("/admin/directions/" + from + "/" + to).body()).contains("id=\"requiresConsent\"");
        HttpResponse<String> saved = admin.postForm("/admin/directions/" + from + "/" + to, Map.of("in", "1", "out", "1",
                "minAmount", "1", "maxAmount", "100", "profitPercent", "2", "active", "true", "_active", "on",
                "_requiresConsent", "on"));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        assertThat(operator().get("/api/operator/v1/directions/" + from + "/" + to).body())
                .contains("\"requiresConsent\":false");
    }
}
