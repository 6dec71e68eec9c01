package dev.ferry.template;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.MustacheFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one factory of the HTML pages under {@code templates/}: the Connect pages, the reload page and,
 * through the console's view resolver, every admin page. One factory means one cache of compiled templates.
 */
@Configuration(proxyBeanMethods = false)
class PageTemplates {

    static final String ROOT = "templates";

    @Bean
    MustacheFactory pageFactory() {
        return new DefaultMustacheFactory(ROOT);
    }
}
