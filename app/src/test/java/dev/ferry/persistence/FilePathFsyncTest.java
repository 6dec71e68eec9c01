package dev.ferry.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** H2 on the forcing scheme, reached through the URL Ferry makes of a plain H2 file URL. */
class FilePathFsyncTest {

    @TempDir
    Path dir;

    @Test
    void aCommitReturnsOnlyOnceItsWriteWasForcedToTheDevice() throws SQLException {
        try (Connection h2 = DriverManager.getConnection(H2CommitDurability.durable("jdbc:h2:file:" + dir.resolve("ferry")))) {
            h2.createStatement().execute("create table delivery(id int primary key, body varchar)");
            h2.setAutoCommit(false);
            h2.createStatement().execute("insert into delivery values (1, 'answered 204')");
            long beforeCommit = ForcingFileChannel.forces();

            h2.commit();

            // the channel forces inside each write, so a force counted by now came after the commit's write
            assertThat(ForcingFileChannel.forces()).isGreaterThan(beforeCommit);
        }
    }

    @Test
    void theFilesStayInH2sFormatForAPlainFileUrl() throws SQLException {
        try (Connection h2 = DriverManager.getConnection(H2CommitDurability.durable("jdbc:h2:file:" + dir.resolve("ferry")))) {
            h2.createStatement().execute("create table delivery(id int primary key, body varchar)");
            h2.createStatement().execute("insert into delivery values (1, 'answered 204')");
        }
        assertThat(dir.resolve("ferry.mv.db")).isRegularFile();
        try (Connection tool = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("ferry"));
                Statement statement = tool.createStatement();
                ResultSet rows = statement.executeQuery("select body from delivery where id = 1")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("answered 204");
        }
    }

    /**
     * Java closes a file's channel when a thread using it is interrupted (as an executor's shutdownNow does at
     * SIGTERM); without the retrying channel H2 then closed the whole database for every other connection.
     */
    @Test
    void aThreadInterruptedWhileCommittingLeavesTheDatabaseOpenForTheOthers() throws Exception {
        String url = H2CommitDurability.durable("jdbc:h2:file:" + dir.resolve("ferry"));
        try (Connection other = DriverManager.getConnection(url)) {
            other.createStatement().execute("create table delivery(id int primary key, body varchar)");
            Thread interrupted = new Thread(() -> {
                try (Connection h2 = DriverManager.getConnection(url)) {
                    Thread.currentThread().interrupt();
                    h2.createStatement().execute("insert into delivery values (1, 'written while interrupted')");
                } catch (SQLException e) {
                    // what this thread sees is not the point; the other connection is
                }
            });
            interrupted.start();
            interrupted.join();

            other.createStatement().execute("insert into delivery values (2, 'written after')");
            try (ResultSet rows = other.createStatement().executeQuery("select count(*) from delivery")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isPositive();
            }
        }
    }
}
