package app.ratelink.operatorapi;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The operator API's OpenAPI document ({@code /api/operator/v1/openapi.json}) and its UI
 * ({@code /api/operator/docs}): both open without the token, which is a bearer scheme typed into the UI's
 * <em>Authorize</em> dialog; every operation requires it.
 */
@Configuration(proxyBeanMethods = false)
class OperatorApiDocs {

    static final String SCHEME = "operatorToken";

    @Bean
    OpenAPI operatorOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Ratelink operator API").version("v1")
                        .description("Catalogue, rates, orders, payouts, feeds and settings. Every call needs the "
                                + "operator token (ratelink.operator-token) as a bearer token."))
                .components(new Components().addSecuritySchemes(SCHEME, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("The value of ratelink.operator-token (RATELINK_OPERATOR_TOKEN)")))
                .addSecurityItem(new SecurityRequirement().addList(SCHEME));
    }
}
