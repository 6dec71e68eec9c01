package dev.ferry.persistence;

import java.sql.DatabaseMetaData;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * Says at start-up, loudly, when the H2 database in use still delays writing commits (an operator chose a
 * {@code WRITE_DELAY} in the URL, or a server opened the database with one): then a 2xx from Ferry no
 * longer means the data survives a crash.
 */
final class H2WriteDelayCheck {

    private static final Logger log = LoggerFactory.getLogger(H2WriteDelayCheck.class);

    /*
     * Once a SET WRITE_DELAY was ever run, H2 lists WRITE_DELAY twice: the stored setting, then (with the
     * database's live figures, last) the value in force, which the URL decided when the file was opened.
     */
    private static final String DELAYS = "select setting_value from information_schema.settings where setting_name = ?";

    private final DataSource dataSource;

    H2WriteDelayCheck(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The write delay in force (0 when every commit is written before it returns), or -1 off H2. */
    int effectiveDelay() throws MetaDataAccessException {
        String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        if (!"H2".equals(product)) {
            return -1;
        }
        List<Integer> delays = JdbcClient.create(dataSource).sql(DELAYS).param(H2CommitDurability.SETTING)
                .query(Integer.class).list();
        return delays.isEmpty() ? 0 : delays.get(delays.size() - 1);
    }

    void warnIfDelayed() throws MetaDataAccessException {
        int delay = effectiveDelay();
        if (delay > 0) {
            log.warn("H2 delays writing commits by {} ms (WRITE_DELAY): webhooks and events answered in the last {} ms "
                    + "before a crash are lost. Remove WRITE_DELAY from spring.datasource.url.", delay, delay);
        }
    }
}
