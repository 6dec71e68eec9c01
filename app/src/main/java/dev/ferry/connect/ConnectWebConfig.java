package dev.ferry.connect;

import java.time.Clock;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts the Connect gate in front of every handler. */
@Configuration(proxyBeanMethods = false)
class ConnectWebConfig implements WebMvcConfigurer {

    private final ConnectAuthInterceptor interceptor;

    ConnectWebConfig(ConnectAuthInterceptor interceptor) {
        this.interceptor = interceptor;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(interceptor);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new VerifiedTokenArgumentResolver());
    }

    @Bean
    @ConditionalOnMissingBean
    static Clock clock() {
        return Clock.systemUTC();
    }
}
