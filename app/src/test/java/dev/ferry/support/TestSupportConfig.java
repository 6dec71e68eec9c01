package dev.ferry.support;

import dev.ferry.account.People;
import dev.ferry.site.TestSites;
import dev.ferry.sitelink.SiteLinking;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** Beans every integration test shares. */
@TestConfiguration(proxyBeanMethods = false)
@Import({TestSites.class, SiteLinking.class, Organizations.class, People.class})
public class TestSupportConfig {

    @Bean
    Tokens tokens(org.springframework.core.env.Environment environment) {
        return new Tokens(environment);
    }
}
