package dev.ferry.persistence;

import java.util.Locale;

/**
 * Makes every H2 database Ferry opens in a file put each commit on the disk before the commit returns, so an
 * answer sent after a commit survives Ferry being killed and the machine losing power.
 *
 * <p>Two changes to the URL. {@code WRITE_DELAY=0}: at H2's default (500 ms) a commit returns while its data
 * is still only in H2's memory, and a background thread writes it out later; with 0 the committing thread
 * writes the change to the file itself (H2's {@code TransactionStore} then calls {@code MVStore.commit()}, and
 * with no delay MVStore has no executor to hand the chunk to). The setting goes into the URL, not into a
 * {@code SET WRITE_DELAY 0} at start-up: H2 keeps a SET in the database but, each time it opens the file,
 * applies the URL's value (500 when absent) after it (H2 2.4 {@code Database}'s constructor), so the SET would
 * be undone whenever the pool let the database close and open again. And the scheme {@link FilePathFsync}
 * ({@code jdbc:h2:fsync:…} for {@code jdbc:h2:file:…} or a bare path): that write only reaches the operating
 * system's cache, and H2 has no setting that forces a commit to the device; the scheme forces each write. A URL
 * that names another scheme ({@code tcp:}, {@code nio:}, …) keeps it: the operator chose it. {@link PoolSetup}
 * applies both before the pool opens its first connection (Hikari refuses a new URL once a pool has started).
 *
 * <p>And, for a database this JVM opens itself (not {@code tcp:}/{@code ssl:}), {@code DB_CLOSE_ON_EXIT=FALSE}:
 * H2's own JVM shutdown hook would otherwise close the database at SIGTERM while Spring's graceful shutdown is
 * still answering requests and draining workers ("Database is already closed"). Spring closes the pool last,
 * and H2 closes the file with the pool's last connection.
 */
final class H2CommitDurability {

    static final String SETTING = "WRITE_DELAY";

    private static final String CLOSE_ON_EXIT = "DB_CLOSE_ON_EXIT";

    private static final String H2 = "jdbc:h2:";

    private H2CommitDurability() {
    }

    /**
     * The URL with {@code ;WRITE_DELAY=0} added when it names an H2 database (not in memory) and does not choose
     * a write delay itself, and with {@code fsync:} for {@code file:} when it names a plain file; any other URL
     * as it is. An explicit delay is kept (and warned about by {@link H2WriteDelayCheck}). A local one also gets
     * {@code ;DB_CLOSE_ON_EXIT=FALSE} unless it says otherwise.
     */
    static String durable(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith(H2) || lower.startsWith(H2 + "mem:")) {
            return url;
        }
        FilePathFsync.register(); // before H2 meets a URL naming it, even one an operator wrote that way
        String forced = forced(url);
        String delayed = chooses(url, SETTING) ? forced : forced + ";" + SETTING + "=0";
        return isRemote(url) || chooses(url, CLOSE_ON_EXIT) || autoServer(url) ? delayed
                : delayed + ";" + CLOSE_ON_EXIT + "=FALSE";
    }

    /** H2 refuses {@code AUTO_SERVER=TRUE} beside {@code DB_CLOSE_ON_EXIT=FALSE}: a mixed-mode URL keeps H2's hook. */
    private static boolean autoServer(String url) {
        return url.toUpperCase(Locale.ROOT).replace(" ", "").contains(";AUTO_SERVER=TRUE");
    }

    private static boolean isRemote(String url) {
        String name = url.substring(H2.length()).toLowerCase(Locale.ROOT);
        return name.startsWith("tcp:") || name.startsWith("ssl:");
    }

    /** {@code jdbc:h2:fsync:X} for {@code jdbc:h2:file:X} and {@code jdbc:h2:X} when X has no scheme. */
    private static String forced(String url) {
        String name = url.substring(H2.length());
        if (name.startsWith("file:")) {
            name = name.substring("file:".length());
        } else if (hasScheme(name)) {
            return url;
        }
        return H2 + FilePathFsync.SCHEME + ":" + name;
    }

    /** H2's own rule (FilePath.get): a colon after two or more characters ends a scheme; C: is a drive. */
    private static boolean hasScheme(String name) {
        int colon = name.split(";", 2)[0].indexOf(':');
        return colon >= 2;
    }

    private static boolean chooses(String url, String setting) {
        String[] parts = url.split(";");
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].trim().toUpperCase(Locale.ROOT).startsWith(setting + "=")) {
                return true;
            }
        }
        return false;
    }
}
