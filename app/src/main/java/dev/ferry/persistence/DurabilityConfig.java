package dev.ferry.persistence;

import javax.sql.DataSource;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.MetaDataAccessException;

/** Ferry answers 2xx only after a commit; these make that commit reach the file on H2 too. */
@Configuration(proxyBeanMethods = false)
class DurabilityConfig {

    @Bean
    SmartInitializingSingleton h2WriteDelayCheck(DataSource dataSource) {
        H2WriteDelayCheck check = new H2WriteDelayCheck(dataSource);
        return () -> {
            try {
                check.warnIfDelayed();
            } catch (MetaDataAccessException e) {
                throw new IllegalStateException("cannot read the database's product name", e);
            }
        };
    }
}
