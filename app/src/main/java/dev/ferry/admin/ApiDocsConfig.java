package dev.ferry.admin;

import dev.ferry.principal.ApiCaller;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The product API's OpenAPI document, served at {@code /api/v1/openapi.json}: every call takes an API key
 * as a bearer token, and the resolved {@link ApiCaller} is not a request parameter.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfig {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(ApiCaller.class);
    }

    @Bean
    OpenAPI ferryApi() {
        return new OpenAPI()
                .info(new Info().title("Ferry product API").version("v1")
                        .description("Post product events that become Jira tickets, configure destinations and rules, "
                                + "read linked tickets and the audit log. Errors are application/problem+json."))
                .components(new Components().addSecuritySchemes("apiKey", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").description("A Ferry API key (fy_…)")))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"));
    }
}
