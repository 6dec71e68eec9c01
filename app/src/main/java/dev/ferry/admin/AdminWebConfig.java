package dev.ferry.admin;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts API-key authentication in front of the product API and the operator check in front of its one endpoint. */
@Configuration(proxyBeanMethods = false)
class AdminWebConfig implements WebMvcConfigurer {

    static final String API = "/api/**";
    static final String OPENAPI_DOCUMENT = "/api/v1/openapi.json";
    static final String ORGANIZATIONS = "/api/v1/organizations";

    private final ApiKeyInterceptor apiKeys;
    private final OperatorInterceptor operator;

    AdminWebConfig(ApiKeyInterceptor apiKeys, OperatorInterceptor operator) {
        this.apiKeys = apiKeys;
        this.operator = operator;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(apiKeys).addPathPatterns(API).excludePathPatterns(OPENAPI_DOCUMENT, ORGANIZATIONS);
        registry.addInterceptor(operator).addPathPatterns(ORGANIZATIONS);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new ApiCallerArgumentResolver());
    }
}
