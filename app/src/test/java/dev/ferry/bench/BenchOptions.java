package dev.ferry.bench;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The benchmark's knobs, from {@code --name=value} arguments. */
record BenchOptions(String database, int connections, int rate, Duration duration, Duration warmup, boolean worker,
        int serverThreads, Path jar, Path java, List<String> jvmOptions, List<String> extraFerryArguments) {

    /**
     * The PostgreSQL schema the benchmarks drop and create: {@code FERRY_BENCH_SCHEMA} (or {@code -Dferry.bench.schema}),
     * {@code ferry_bench} by default, so runs side by side on one server each take their own.
     */
    static final String SCHEMA = schema();
    static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres&currentSchema=" + SCHEMA;

    static BenchOptions parse(String[] args) {
        String database = "h2";
        int connections = 16;
        int rate = 0;
        Duration duration = Duration.ofSeconds(20);
        Duration warmup = Duration.ofSeconds(8);
        boolean worker = false;
        int threads = 4;
        Path jar = Path.of("app/target/ferry.jar");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> extra = new ArrayList<>();
        List<String> jvm = new ArrayList<>();
        for (String arg : args) {
            String value = arg.substring(arg.indexOf('=') + 1);
            if (arg.startsWith("--database=")) {
                database = value;
            } else if (arg.startsWith("--connections=")) {
                connections = Integer.parseInt(value);
            } else if (arg.startsWith("--rate=")) {
                rate = Integer.parseInt(value);
            } else if (arg.startsWith("--duration=")) {
                duration = Duration.ofSeconds(Long.parseLong(value.replace("s", "")));
            } else if (arg.startsWith("--warmup=")) {
                warmup = Duration.ofSeconds(Long.parseLong(value.replace("s", "")));
            } else if (arg.startsWith("--worker=")) {
                worker = Boolean.parseBoolean(value);
            } else if (arg.startsWith("--server-threads=")) {
                threads = Integer.parseInt(value);
            } else if (arg.startsWith("--jvm=")) {
                jvm.add(value);
            } else if (arg.startsWith("--jar=")) {
                jar = Path.of(value);
            } else if (arg.startsWith("--java=")) {
                java = Path.of(value);
            } else {
                extra.add(arg);
            }
        }
        if (jvm.isEmpty()) {
            jvm.addAll(List.of("-Xms1g", "-Xmx1g"));
        }
        return new BenchOptions(database, connections, rate, duration, warmup, worker, threads, jar.toAbsolutePath(), java, jvm,
                extra);
    }

    /** These options with the inbox worker on or off. */
    BenchOptions withWorker(boolean worker) {
        return new BenchOptions(database, connections, rate, duration, warmup, worker, serverThreads, jar, java,
                jvmOptions, extraFerryArguments);
    }

    /**
     * {@code h2} is Ferry's default (each commit forced to the disk); {@code h2-unforced} the same file through
     * H2's {@code nio:} file system, which Ferry leaves unforced: written before the commit returns, not synced,
     * so a run with it shows what the forcing costs.
     */
    String databaseUrl(Path work) {
        String file = work.resolve("data/ferry").toAbsolutePath().toString();
        return switch (database) {
            case "postgres" -> POSTGRES;
            case "h2-unforced" -> "jdbc:h2:nio:" + file + ";WRITE_DELAY=0";
            default -> "jdbc:h2:file:" + file;
        };
    }

    /** PostgreSQL runs start from an empty schema; an H2 run has a fresh file anyway. */
    void resetDatabase() throws Exception {
        if (database.equals("postgres")) {
            try (var connection = DriverManager.getConnection(POSTGRES); var statement = connection.createStatement()) {
                statement.execute("drop schema if exists " + SCHEMA + " cascade");
                statement.execute("create schema " + SCHEMA);
            }
        }
    }

    /**
     * On PostgreSQL with autovacuum off (as on the machine these figures come from; PostgreSQL's default is on), a
     * table that grew from empty has no statistics and the planner takes its index for useless: analyzes it, as
     * autovacuum would have, and says so.
     */
    void analyzeWithoutAutovacuum(String table) throws Exception {
        if (database.equals("postgres")) {
            analyzeWithoutAutovacuum(POSTGRES, SCHEMA, List.of(table));
        }
    }

    /** The same for the named tables of {@code schema} on the server at {@code url}; none named: every table of it. */
    static void analyzeWithoutAutovacuum(String url, String schema, List<String> tables) throws Exception {
        try (var connection = DriverManager.getConnection(url); var statement = connection.createStatement()) {
            try (var autovacuum = statement.executeQuery("show autovacuum")) {
                autovacuum.next();
                if (autovacuum.getString(1).equals("on")) {
                    return;
                }
            }
            List<String> analyzed = new ArrayList<>(tables);
            if (analyzed.isEmpty()) {
                try (var all = statement.executeQuery("select table_name from information_schema.tables "
                        + "where table_schema = '" + schema + "' and table_type = 'BASE TABLE'")) {
                    while (all.next()) {
                        analyzed.add(all.getString(1));
                    }
                }
            }
            for (String table : analyzed) {
                statement.execute("analyze " + schema + "." + table);
            }
            System.out.println("autovacuum is off on this server: analyzed " + (tables.isEmpty() ? "the " + analyzed.size()
                    + " tables of " + schema : String.join(", ", tables)) + " as autovacuum would have");
        }
    }

    private static String schema() {
        String schema = System.getProperty("ferry.bench.schema", System.getenv().getOrDefault("FERRY_BENCH_SCHEMA", "ferry_bench"));
        if (!schema.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("FERRY_BENCH_SCHEMA must be a plain lower-case name: " + schema);
        }
        return schema;
    }

    long countStored(String url) throws Exception {
        return WebhookBench.count(url);
    }
}
