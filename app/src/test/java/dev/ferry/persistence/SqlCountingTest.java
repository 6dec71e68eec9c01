package dev.ferry.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Statements and commits counted on a real pooled H2 database, the way a benchmark reads them. */
class SqlCountingTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(PoolSetup.class, SqlCounting.Wiring.class)
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
            .withBean(HikariDataSource.class, () -> {
                HikariDataSource pool = new HikariDataSource();
                pool.setJdbcUrl("jdbc:h2:mem:sql-counting-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
                pool.setMaximumPoolSize(2);
                return pool;
            });

    @Test
    void offByDefaultThePoolIsNotWrappedAndNothingIsCounted() {
        runner.run(context -> {
            assertThat(context.getBean(DataSource.class)).isInstanceOf(HikariDataSource.class);
            new JdbcTemplate(context.getBean(DataSource.class)).queryForObject("select 1", Integer.class);
            assertThat(context.getBean(MeterRegistry.class).find(SqlCounting.STATEMENTS).counter()).isNull();
        });
    }

    @Test
    void autoCommitStatementsAreEachACommitAndATransactionIsOne() {
        runner.withPropertyValues("ferry.diagnostics.count-sql=true").run(context -> {
            DataSource source = context.getBean(DataSource.class);
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            JdbcTemplate jdbc = new JdbcTemplate(source);

            jdbc.execute("create table counted (id int primary key)");
            jdbc.update("insert into counted values (?)", 1);
            jdbc.queryForObject("select count(*) from counted", Integer.class);
            assertThat(count(meters, SqlCounting.STATEMENTS)).isEqualTo(3);
            assertThat(count(meters, SqlCounting.COMMITS)).as("a query in auto-commit makes nothing durable").isEqualTo(2);

            new TransactionTemplate(new DataSourceTransactionManager(source)).executeWithoutResult(status -> {
                jdbc.update("insert into counted values (?)", 2);
                jdbc.batchUpdate("insert into counted values (?)", java.util.List.of(new Object[] {3}, new Object[] {4}));
                jdbc.queryForObject("select count(*) from counted", Integer.class);
            });
            assertThat(count(meters, SqlCounting.STATEMENTS)).isEqualTo(6);
            assertThat(count(meters, SqlCounting.COMMITS)).isEqualTo(3);

            new TransactionTemplate(new DataSourceTransactionManager(source)).executeWithoutResult(status -> {
                jdbc.update("insert into counted values (?)", 5);
                status.setRollbackOnly();
            });
            assertThat(count(meters, SqlCounting.STATEMENTS)).isEqualTo(7);
            assertThat(count(meters, SqlCounting.COMMITS)).as("a rollback is no commit").isEqualTo(3);
        });
    }

    @Test
    void theWrappedPoolWasReadiedFirstAndStillUnwraps() {
        runner.withPropertyValues("ferry.diagnostics.count-sql=true").run(context -> {
            DataSource source = context.getBean(DataSource.class);
            assertThat(source).isNotInstanceOf(HikariDataSource.class);
            assertThat(source.isWrapperFor(HikariDataSource.class)).isTrue();
            assertThat(source.unwrap(HikariDataSource.class).getExceptionOverride()).isInstanceOf(BrokenConnections.class);
        });
    }

    private static double count(MeterRegistry meters, String name) {
        return meters.get(name).counter().count();
    }
}
