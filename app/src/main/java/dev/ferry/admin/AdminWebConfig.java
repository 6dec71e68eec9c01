package dev.ferry.admin;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts the request limits, API-key authentication and the scope check in front of the product API and the
 * operator check in front of its one endpoint; interceptors run in the order registered.
 */
@Configuration(proxyBeanMethods = false)
class AdminWebConfig implements WebMvcConfigurer {

    static final String API = "/api/**";
    static final String OPENAPI_DOCUMENT = "/api/v1/openapi.json";
    /** springdoc serves the same document as YAML beside the JSON; it is as public. */
    static final String OPENAPI_YAML = OPENAPI_DOCUMENT + ".yaml";
    static final String ORGANIZATIONS = "/api/v1/organizations";
    /** The only product API paths that take no API key, and so declare no scope: the document, the operator's call. */
    static final String[] NO_API_KEY = {OPENAPI_DOCUMENT, OPENAPI_YAML, ORGANIZATIONS};
    static final String[] PREVIEWS = {"/api/v1/templates/preview", "/api/v1/destinations/*/rules/*/preview"};

    private final AddressLimitInterceptor addresses;
    private final ApiKeyInterceptor apiKeys;
    private final ScopeInterceptor scopes;
    private final PreviewLimitInterceptor previews;
    private final OperatorInterceptor operator;

    AdminWebConfig(AddressLimitInterceptor addresses, ApiKeyInterceptor apiKeys, ScopeInterceptor scopes,
            PreviewLimitInterceptor previews, OperatorInterceptor operator) {
        this.addresses = addresses;
        this.apiKeys = apiKeys;
        this.scopes = scopes;
        this.previews = previews;
        this.operator = operator;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(addresses).addPathPatterns(API);
        registry.addInterceptor(apiKeys).addPathPatterns(API).excludePathPatterns(NO_API_KEY);
        registry.addInterceptor(scopes).addPathPatterns(API).excludePathPatterns(NO_API_KEY);
        registry.addInterceptor(previews).addPathPatterns(PREVIEWS);
        registry.addInterceptor(operator).addPathPatterns(ORGANIZATIONS);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new ApiCallerArgumentResolver());
    }
}
