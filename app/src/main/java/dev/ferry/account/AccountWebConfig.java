package dev.ferry.account;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Lets admin UI handlers take the signed-in {@link Person} as a parameter. */
@Configuration(proxyBeanMethods = false)
class AccountWebConfig implements WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new PersonArgumentResolver());
    }
}
