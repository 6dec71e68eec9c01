package dev.ferry.persistence;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements Ferry executes and the commits they cost, into the Micrometer counters
 * {@value #STATEMENTS} and {@value #COMMITS}: a diagnostic for benchmarks and profiling, off by default
 * ({@code ferry.diagnostics.count-sql=true} turns it on). A commit is an explicit {@link Connection#commit()} or a
 * write run in auto-commit mode (each is its own transaction; a query there makes nothing durable). A batch counts as one statement: one round trip.
 * <p>
 * The pool bean is wrapped, not changed: the connections and statements it hands out are JDK proxies that count and
 * pass every call through. {@link PoolSetup} readies the pool first (it runs as a priority post-processor), so the
 * wrapper never hides the pool from it; {@code unwrap} still reaches the pool for health and pool metrics.
 */
public final class SqlCounting {

    public static final String STATEMENTS = "ferry.sql.statements";
    public static final String COMMITS = "ferry.sql.commits";

    private final ObjectProvider<MeterRegistry> registry;
    private volatile Counter statements;
    private volatile Counter commits;

    SqlCounting(ObjectProvider<MeterRegistry> registry) {
        this.registry = registry;
    }

    /** The data source whose connections are counted. */
    public DataSource wrap(DataSource target) {
        return new CountedDataSource(target);
    }

    private void statement(boolean autoCommit) {
        counters();
        statements.increment();
        if (autoCommit) {
            commits.increment();
        }
    }

    private void commit() {
        counters();
        commits.increment();
    }

    /** The registry is looked up on first use: a post-processor's own dependencies would otherwise be created too early. */
    private void counters() {
        if (commits == null) {
            MeterRegistry meters = registry.getObject();
            statements = Counter.builder(STATEMENTS).description("SQL statements executed (a batch is one)")
                    .register(meters);
            commits = Counter.builder(COMMITS).description("commits: explicit, and statements run in auto-commit")
                    .register(meters);
        }
    }

    /** Wraps the application's data source when {@code ferry.diagnostics.count-sql} is on. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "ferry.diagnostics.count-sql", havingValue = "true")
    static class Wiring {

        @Bean
        static BeanPostProcessor sqlCountingWrapper(ObjectProvider<MeterRegistry> registry) {
            SqlCounting counting = new SqlCounting(registry);
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    return bean instanceof DataSource source && !(bean instanceof CountedDataSource)
                            ? counting.wrap(source) : bean;
                }
            };
        }
    }

    private final class CountedDataSource extends DelegatingDataSource {

        CountedDataSource(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return counted(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return counted(super.getConnection(username, password));
        }

        private Connection counted(Connection connection) {
            return (Connection) Proxy.newProxyInstance(SqlCounting.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, new ConnectionCalls(connection));
        }
    }

    private final class ConnectionCalls implements InvocationHandler {

        private final Connection target;

        ConnectionCalls(Connection target) {
            this.target = target;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            Object result = pass(target, method, args);
            switch (method.getName()) {
                case "commit" -> commit();
                case "createStatement", "prepareStatement", "prepareCall" -> {
                    return statementProxy((Statement) result);
                }
                default -> {
                }
            }
            return result;
        }

        private Statement statementProxy(Statement statement) {
            Class<?> type = statement instanceof CallableStatement ? CallableStatement.class
                    : statement instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
            return (Statement) Proxy.newProxyInstance(SqlCounting.class.getClassLoader(), new Class<?>[] {type},
                    new StatementCalls(statement, target));
        }
    }

    private final class StatementCalls implements InvocationHandler {

        private final Statement target;
        private final Connection connection;

        StatementCalls(Statement target, Connection connection) {
            this.target = target;
            this.connection = connection;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (name.startsWith("execute")) {
                // Read before the call: a write in auto-commit mode is its own transaction. A query there commits
                // nothing to make durable (no disk write on H2, no WAL flush on PostgreSQL), so it is no commit.
                boolean autoCommit = !name.equals("executeQuery") && connection.getAutoCommit();
                Object result = pass(target, method, args);
                statement(autoCommit);
                return result;
            }
            return pass(target, method, args);
        }
    }

    private static Object pass(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
