package dev.ferry.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/** Puts {@link ApiBodyConverter} ahead of Spring's JSON converter, on Spring Boot's configured mapper. */
@Configuration(proxyBeanMethods = false)
class ApiBodyConfig implements WebMvcConfigurer {

    private final JsonMapper mapper;

    ApiBodyConfig(JsonMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
        builder.addCustomConverter(new ApiBodyConverter(mapper));
    }
}
