package dev.ferry.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.support.MetaDataAccessException;

class H2CommitDurabilityTest {

    @TempDir
    Path dir;

    @Test
    void anH2FileUrlGetsTheForcingSchemeAndNoWriteDelay() {
        assertThat(H2CommitDurability.durable("jdbc:h2:file:./data/ferry"))
                .isEqualTo("jdbc:h2:fsync:./data/ferry;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
        assertThat(H2CommitDurability.durable("jdbc:h2:./data/ferry;MODE=PostgreSQL"))
                .isEqualTo("jdbc:h2:fsync:./data/ferry;MODE=PostgreSQL;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
        assertThat(H2CommitDurability.durable("jdbc:h2:~/ferry"))
                .isEqualTo("jdbc:h2:fsync:~/ferry;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
        assertThat(H2CommitDurability.durable("jdbc:h2:C:/data/ferry"))
                .isEqualTo("jdbc:h2:fsync:C:/data/ferry;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
        assertThat(H2CommitDurability.durable("jdbc:h2:file:./x;write_delay=500"))
                .isEqualTo("jdbc:h2:fsync:./x;write_delay=500;DB_CLOSE_ON_EXIT=FALSE");
    }

    @Test
    void aSchemeTheOperatorChoseIsKept() {
        assertThat(H2CommitDurability.durable("jdbc:h2:tcp://db/ferry"))
                .isEqualTo("jdbc:h2:tcp://db/ferry;WRITE_DELAY=0");
        assertThat(H2CommitDurability.durable("jdbc:h2:nio:./data/ferry"))
                .isEqualTo("jdbc:h2:nio:./data/ferry;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
        assertThat(H2CommitDurability.durable("jdbc:h2:fsync:./data/ferry;WRITE_DELAY=0"))
                .isEqualTo("jdbc:h2:fsync:./data/ferry;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
    }

    /** Spring, not H2's own shutdown hook, closes a database this JVM opened; a choice in the URL is kept. */
    @Test
    void aLocalH2DatabaseClosesWithThePoolNotAtJvmExit() {
        assertThat(H2CommitDurability.durable("jdbc:h2:file:./x;DB_CLOSE_ON_EXIT=TRUE"))
                .isEqualTo("jdbc:h2:fsync:./x;DB_CLOSE_ON_EXIT=TRUE;WRITE_DELAY=0");
        assertThat(H2CommitDurability.durable("jdbc:h2:ssl://db/ferry"))
                .isEqualTo("jdbc:h2:ssl://db/ferry;WRITE_DELAY=0");
        assertThat(H2CommitDurability.durable("jdbc:h2:file:./x;AUTO_SERVER=TRUE"))
                .as("H2 refuses AUTO_SERVER=TRUE with DB_CLOSE_ON_EXIT=FALSE")
                .isEqualTo("jdbc:h2:fsync:./x;AUTO_SERVER=TRUE;WRITE_DELAY=0");
    }

    @Test
    void memoryAndPostgresAreLeftAsTheyAre() {
        assertThat(H2CommitDurability.durable("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1"))
                .isEqualTo("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1");
        assertThat(H2CommitDurability.durable("jdbc:postgresql://db/ferry")).isEqualTo("jdbc:postgresql://db/ferry");
    }

    /** The pool setup opens the pool, after which Hikari refuses a new URL: the rewrite must come first. */
    @Test
    void theUrlIsRewrittenBeforeThePoolSetupOpensThePool() {
        String url = "jdbc:h2:file:" + dir.resolve("ordered") + ";WRITE_DELAY=0";
        new ApplicationContextRunner().withUserConfiguration(DurabilityConfig.class, PoolSetup.class)
                .withBean(HikariDataSource.class, () -> {
                    HikariDataSource pool = new HikariDataSource();
                    pool.setJdbcUrl(url);
                    return pool;
                })
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(HikariDataSource.class).getJdbcUrl()).startsWith("jdbc:h2:fsync:");
                });
    }

    @Test
    void aPoolOnAnH2FileWithoutTheSettingWritesEveryCommitBeforeItReturns() throws MetaDataAccessException {
        try (HikariDataSource pool = pool("jdbc:h2:file:" + dir.resolve("ferry"))) {
            assertThat(pool.getJdbcUrl()).startsWith("jdbc:h2:fsync:").contains(";WRITE_DELAY=0");
            assertThat(new H2WriteDelayCheck(pool).effectiveDelay()).isZero();
        }
    }

    @Test
    void theCheckSeesADelayAnOperatorChose() throws MetaDataAccessException {
        try (HikariDataSource pool = pool("jdbc:h2:file:" + dir.resolve("ferry") + ";WRITE_DELAY=500")) {
            assertThat(new H2WriteDelayCheck(pool).effectiveDelay()).isEqualTo(500);
        }
    }

    /** Why the setting lives in the URL: H2 stores a SET but applies the URL's value (500 by default) on every open. */
    @Test
    void aWriteDelaySetInSqlIsUndoneWhenH2OpensTheFileAgain() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("reopened");
        try (Connection h2 = DriverManager.getConnection(url)) {
            h2.createStatement().execute("SET WRITE_DELAY 0");
        }
        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setJdbcUrl(url);
            assertThat(new H2WriteDelayCheck(pool).effectiveDelay()).isEqualTo(500);
        }
    }

    @Test
    void theCheckReadsTheDelayInForceNotOneStoredEarlier() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("stored");
        try (Connection h2 = DriverManager.getConnection(url)) {
            h2.createStatement().execute("SET WRITE_DELAY 500");
        }
        try (HikariDataSource pool = pool(url)) {
            assertThat(new H2WriteDelayCheck(pool).effectiveDelay()).isZero();
        }
    }

    private static HikariDataSource pool(String url) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        return (HikariDataSource) new PoolSetup().postProcessAfterInitialization(pool, "dataSource");
    }
}
