package app.ratelink.operatorapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import app.ratelink.testing.IntegrationTest;

/** The OpenAPI UI loads without the token; the document declares the bearer scheme the UI asks for (issue 17). */
class OperatorDocsHttpTest extends IntegrationTest {

    @Test
    void theUiLoadsWithoutTheToken() {
        HttpResponse<String> docs = http().get("/api/operator/docs");
        assertThat(docs.statusCode()).isEqualTo(302);
        String location = URI.create(docs.headers().firstValue("Location").orElseThrow()).getPath();
        assertThat(location).isEqualTo("/api/operator/swagger-ui/index.html");
        HttpResponse<String> ui = http().get(location);
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui");
        assertThat(http().get("/api/operator/swagger-ui/swagger-initializer.js").statusCode()).isEqualTo(200);
        HttpResponse<String> config = http().get("/api/operator/v1/openapi.json/swagger-config");
        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(config.body()).contains("/api/operator/v1/openapi.json");
    }

    @Test
    void theDocumentAsksForTheBearerToken() {
        HttpResponse<String> doc = http().get("/api/operator/v1/openapi.json");
        assertThat(doc.statusCode()).isEqualTo(200);
        assertThat(doc.body().replace(" ", "")).contains("\"securitySchemes\":{\"operatorToken\":{")
                .contains("\"scheme\":\"bearer\"").contains("\"security\":[{\"operatorToken\":[]}]");
        // The API itself still needs the token.
        assertThat(http().get("/api/operator/v1/orders").statusCode()).isEqualTo(401);
    }
}
