package dev.ferry.persistence;

import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Which of the two databases Ferry runs on, for the few statements they spell differently: PostgreSQL's
 * {@code on conflict}, which H2 knows only in its PostgreSQL mode.
 */
@Component
public class Dialect {

    private final boolean postgres;

    Dialect(DataSource dataSource) throws MetaDataAccessException {
        String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        this.postgres = "PostgreSQL".equals(product);
    }

    public boolean postgres() {
        return postgres;
    }
}
