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
}
