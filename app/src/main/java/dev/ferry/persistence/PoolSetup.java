package dev.ferry.persistence;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Component;

/**
 * Readies the connection pool before anything uses it: an H2 file database writes each commit to its file
 * before the commit returns ({@link H2CommitDurability}), connections that failed because the database is
 * out are dropped (so Ferry recovers without a restart), and an embedded H2 database is opened once
 * in a directory only its owner may enter, its files then made the owner's alone. It runs before any other
 * post-processor, so one that wraps the pool ({@link SqlCounting}) cannot hide it.
 */
@Component
class PoolSetup implements BeanPostProcessor, PriorityOrdered {

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool) {
            // Before anything opens a connection: a started pool's URL can no longer change.
            if (pool.getJdbcUrl() != null) {
                pool.setJdbcUrl(H2CommitDurability.durable(pool.getJdbcUrl()));
            }
            if (pool.getExceptionOverride() == null && pool.getExceptionOverrideClassName() == null) {
                pool.setExceptionOverride(new BrokenConnections());
            }
            H2Files.of(pool.getJdbcUrl()).ifPresent(files -> open(pool, files));
        }
        return bean;
    }

    private static void open(HikariDataSource pool, H2Files files) {
        files.prepareDirectory();
        try (Connection created = pool.getConnection()) {
            files.restrictFiles();
        } catch (SQLException e) {
            throw new CannotGetJdbcConnectionException("cannot open the H2 database in " + files.directory(), e);
        }
    }
}
