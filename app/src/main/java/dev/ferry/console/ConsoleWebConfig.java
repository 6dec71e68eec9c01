package dev.ferry.console;

import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Serves the console's stylesheet and htmx from the jar under {@code /admin/assets/}: no CDN. */
@Configuration(proxyBeanMethods = false)
class ConsoleWebConfig implements WebMvcConfigurer {

    static final String ASSETS = "/admin/assets/";
    // The htmx webjar's version, as htmx.version in the root pom.xml; its files sit under a versioned folder.
    static final String HTMX_VERSION = "2.0.4";

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        CacheControl cache = CacheControl.maxAge(Duration.ofHours(1)).cachePublic();
        registry.addResourceHandler(ASSETS + "htmx/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/htmx.org/" + HTMX_VERSION + "/dist/")
                .setCacheControl(cache);
        registry.addResourceHandler(ASSETS + "**").addResourceLocations("classpath:/console/assets/")
                .setCacheControl(cache);
    }
}
