package dev.ferry.persistence;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Locale;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.Ordered;

/**
 * Makes every H2 database Ferry opens write each commit to its file before the commit returns, so an
 * answer sent after a commit survives Ferry being killed.
 *
 * <p>H2's {@code WRITE_DELAY} (500 ms unless the URL says otherwise) lets a commit return while its data
 * is still only in H2's memory; a background thread writes it out later, so a killed process loses the last
 * half second of acknowledged webhooks and events. With {@code WRITE_DELAY=0} the committing thread writes
 * the change to the file itself (H2's {@code TransactionStore} then calls {@code MVStore.commit()}), so it is
 * in the operating system's hands when the commit returns. The setting goes into the URL, not into a
 * {@code SET WRITE_DELAY 0} at start-up: H2 keeps a SET in the database but, each time it opens the file,
 * applies the URL's value (500 when absent) after it (H2 2.4 {@code Database}'s constructor), so the
 * SET would be undone whenever the pool let the database close and open again.
 */
final class H2CommitDurability implements BeanPostProcessor, Ordered {

    static final String SETTING = "WRITE_DELAY";

    /** Before {@link PoolSetup}, which opens the pool: Hikari refuses a new URL once a pool has started. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null) {
            String durable = durable(pool.getJdbcUrl());
            if (!durable.equals(pool.getJdbcUrl())) {
                pool.setJdbcUrl(durable);
            }
        }
        return bean;
    }

    /**
     * The URL with {@code ;WRITE_DELAY=0} added when it names an H2 database kept in a file and does not
     * choose a write delay itself; any other URL as it is. An explicit choice is kept (and warned about by
     * {@link H2WriteDelayCheck}).
     */
    static String durable(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("jdbc:h2:") || lower.startsWith("jdbc:h2:mem:") || choosesWriteDelay(url)) {
            return url;
        }
        return url + ";" + SETTING + "=0";
    }

    private static boolean choosesWriteDelay(String url) {
        String[] parts = url.split(";");
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].trim().toUpperCase(Locale.ROOT).startsWith(SETTING + "=")) {
                return true;
            }
        }
        return false;
    }
}
