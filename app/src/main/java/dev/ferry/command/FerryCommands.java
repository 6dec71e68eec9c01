package dev.ferry.command;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The one-shot commands, named by the first argument: {@code java -jar ferry.jar copy-database --from=… --to=…} or
 * {@code java -jar ferry.jar reencrypt-secrets}. Anything else starts the server as before. A command prints what it
 * did and ends with an exit code: 0 done, 1 failed (the reason printed), 2 wrong usage, 3 done with values left
 * behind.
 */
public final class FerryCommands {

    static final String COPY_DATABASE = "copy-database";
    static final String REENCRYPT_SECRETS = "reencrypt-secrets";

    private static final String USAGE = """
            Usage:
              java -jar ferry.jar copy-database --from=<jdbc url> --to=<jdbc url> [--from-user=…] [--to-user=…] [--batch-size=500]
                  Copies every row of a Ferry database (the H2 file, e.g. jdbc:h2:file:./data/ferry, with Ferry stopped)
                  into an empty one (e.g. jdbc:postgresql://db:5432/ferry?currentSchema=ferry). Passwords:
                  --from-password / --to-password, or better the environment, FERRY_COPY_FROM_PASSWORD / FERRY_COPY_TO_PASSWORD.
              java -jar ferry.jar reencrypt-secrets [--spring.datasource.url=…] [--ferry.secret-key=…] [--ferry.retired-secret-keys=…]
                  Moves every sealed secret to the current key, with Ferry's usual settings (environment, application.yml).""";

    private FerryCommands() {
    }

    public static boolean isCommand(String[] args) {
        return args.length > 0 && Set.of(COPY_DATABASE, REENCRYPT_SECRETS).contains(args[0]);
    }

    /** Runs the command {@code args[0]} names; the process's exit code. */
    public static int run(String[] args) {
        // A command's output is its report; the libraries' INFO lines (Flyway's, a line per migration) would bury it.
        LoggingSystem logging = LoggingSystem.get(FerryCommands.class.getClassLoader());
        logging.beforeInitialize();
        logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.WARN);
        logging.setLogLevel("org.flywaydb", LogLevel.ERROR);
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        String command = args[0];
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            return switch (command) {
                case COPY_DATABASE -> copyDatabase(rest, out);
                case REENCRYPT_SECRETS -> ReencryptSecretsCommand.run(rest, out);
                default -> throw new CommandLine.UsageError("unknown command " + command);
            };
        } catch (CommandLine.UsageError usage) {
            err.println("ferry " + command + ": " + usage.getMessage());
            err.println(USAGE);
            return 2;
        } catch (RuntimeException | java.sql.SQLException failure) {
            err.println("ferry " + command + " failed: " + reason(failure));
            return 1;
        }
    }

    private static int copyDatabase(List<String> args, PrintStream out) throws java.sql.SQLException {
        CommandLine line = CommandLine.parse(args, Set.of("from", "to", "from-user", "from-password", "to-user",
                "to-password", "batch-size"));
        if (!line.rest().isEmpty()) {
            throw new CommandLine.UsageError("unknown options " + line.rest());
        }
        String from = existingH2(line.required("from"));
        String to = line.required("to");
        if (from.equals(to)) {
            throw new CommandLine.UsageError("--from and --to name the same database");
        }
        int batchSize;
        try {
            batchSize = Integer.parseInt(line.optional("batch-size", "500"));
        } catch (NumberFormatException notANumber) {
            throw new CommandLine.UsageError("--batch-size must be a whole number");
        }
        if (batchSize < 1) {
            throw new CommandLine.UsageError("--batch-size must be at least 1");
        }
        var source = dataSource(from, line.optional("from-user", null),
                line.optional("from-password", System.getenv("FERRY_COPY_FROM_PASSWORD")));
        var target = dataSource(to, line.optional("to-user", null),
                line.optional("to-password", System.getenv("FERRY_COPY_TO_PASSWORD")));
        new DatabaseCopy(source, target, batchSize, out).run();
        return 0;
    }

    /** An H2 file URL that must name an existing database: H2 would otherwise create an empty one, and copy that. */
    private static String existingH2(String url) {
        boolean h2File = url.toLowerCase().startsWith("jdbc:h2:") && !url.toLowerCase().startsWith("jdbc:h2:mem:");
        return h2File && !url.toUpperCase().contains("IFEXISTS") ? url + ";IFEXISTS=TRUE" : url;
    }

    private static DriverManagerDataSource dataSource(String url, String user, String password) {
        var dataSource = new DriverManagerDataSource(url);
        if (user != null) {
            dataSource.setUsername(user);
        }
        if (password != null) {
            dataSource.setPassword(password);
        }
        return dataSource;
    }

    /** The failure and its causes, one line: the root (a driver's "connection refused") is what the operator needs. */
    private static String reason(Throwable failure) {
        StringBuilder text = new StringBuilder(String.valueOf(failure.getMessage()));
        for (Throwable cause = failure.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
                text.append(" — ").append(cause.getMessage());
            }
        }
        return text.toString();
    }
}
