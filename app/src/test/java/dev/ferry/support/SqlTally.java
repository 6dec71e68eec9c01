package dev.ferry.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts the SQL statements Ferry executes and the commits it makes, by wrapping the pool: a statement is any
 * execute call, a commit an explicit {@code commit()} or a write executed with auto-commit on (the database
 * commits it on its own). Test-only: costs are asserted as counts, never as times.
 */
public final class SqlTally implements BeanPostProcessor {

    private final AtomicLong statements = new AtomicLong();
    private final AtomicLong commits = new AtomicLong();
    private final java.util.Map<String, AtomicLong> bySql = new java.util.concurrent.ConcurrentHashMap<>();

    /** How often each statement ran, for a report of where the statements go. */
    public java.util.Map<String, Long> bySql() {
        java.util.Map<String, Long> copy = new java.util.TreeMap<>();
        bySql.forEach((sql, count) -> copy.put(sql, count.get()));
        return copy;
    }

    public long statements() {
        return statements.get();
    }

    public long commits() {
        return commits.get();
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !Proxy.isProxyClass(bean.getClass())) {
            return proxy(DataSource.class, dataSource, (target, method, args) -> {
                Object result = invoke(target, method, args);
                return result instanceof Connection connection ? connection(connection) : result;
            });
        }
        return bean;
    }

    private Connection connection(Connection connection) {
        return proxy(Connection.class, connection, (target, method, args) -> {
            if (method.getName().equals("commit")) {
                commits.incrementAndGet();
            }
            Object result = invoke(target, method, args);
            if (result instanceof Statement statement && !(result instanceof java.sql.CallableStatement)) {
                String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : null;
                Class<? extends Statement> type = result instanceof java.sql.PreparedStatement
                        ? java.sql.PreparedStatement.class : Statement.class;
                return statement(type, statement, connection, sql);
            }
            return result;
        });
    }

    private <S extends Statement> S statement(Class<S> type, Statement statement, Connection connection, String prepared) {
        return proxy(type, type.cast(statement), (target, method, args) -> {
            if (method.getName().startsWith("execute")) {
                statements.incrementAndGet();
                String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : prepared;
                bySql.computeIfAbsent(String.valueOf(sql).replaceAll("\\s+", " "), key -> new AtomicLong()).incrementAndGet();
                if (connection.getAutoCommit() && sql != null && !isRead(sql)) {
                    commits.incrementAndGet();
                }
            }
            return invoke(target, method, args);
        });
    }

    private static boolean isRead(String sql) {
        String start = sql.stripLeading().toLowerCase(Locale.ROOT);
        return start.startsWith("select") || start.startsWith("with") || start.startsWith("values");
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, Handler<T> handler) {
        InvocationHandler invocation = (proxy, method, args) -> {
            if (method.getName().equals("unwrap") || method.getName().equals("isWrapperFor")) {
                return invoke(target, method, args);
            }
            return handler.handle(target, method, args);
        };
        return (T) Proxy.newProxyInstance(SqlTally.class.getClassLoader(), new Class<?>[] {type}, invocation);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private interface Handler<T> {
        Object handle(T target, Method method, Object[] args) throws Throwable;
    }
}
