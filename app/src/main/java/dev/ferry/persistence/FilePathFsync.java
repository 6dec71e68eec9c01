package dev.ferry.persistence;

import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.h2.engine.Constants;
import org.h2.message.DbException;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * H2's own files under the scheme {@code fsync:} ({@code jdbc:h2:fsync:./data/ferry}), with every write to the
 * database file forced to the device before H2 goes on, so a commit H2 returns survives a power cut.
 *
 * <p>H2 never forces a commit itself (only {@code CHECKPOINT SYNC} and moving chunks to compact do); with
 * {@code WRITE_DELAY=0} the committing thread writes the commit's chunk (and, now and then, the store header)
 * through this channel and so waits for the device too. The files keep H2's format: {@code jdbc:h2:file:}
 * opens them as before.
 * Public, with a public constructor, because H2 creates one per path by reflection.
 */
public final class FilePathFsync extends FilePathWrapper {

    static final String SCHEME = "fsync";

    private static final String RETRY_SCHEME = "retry";

    private static final boolean WINDOWS = File.separatorChar == '\\';

    /** Registered once per JVM, on first use, before any URL naming the scheme reaches H2. */
    private static final class Registration {
        static {
            FilePath.register(new FilePathFsync());
        }

        static void ensure() {
            // loading the class ran the registration
        }
    }

    static void register() {
        Registration.ensure();
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    /**
     * The database file ({@code .mv.db}) opened for writing gets a forcing channel; H2's temporary files (large
     * results, sorts) and read-only opens are not worth a flush and go straight to the disk.
     */
    @Override
    public FileChannel open(String mode) throws IOException {
        boolean created = !exists();
        boolean database = mode.contains("w") && name.endsWith(Constants.SUFFIX_MV_FILE);
        FileChannel channel = database ? retryingOnInterrupt(mode) : getBase().open(mode);
        if (database) {
            if (created) {
                syncDirectory(); // a new file's name lives in its directory, which a power cut can lose too
            }
            return new ForcingFileChannel(channel);
        }
        return channel;
    }

    /**
     * The database file through H2's {@code retry:} file system: a thread interrupted inside a read or write
     * (an executor's shutdownNow at SIGTERM, a cancelled future) makes Java close the file's channel for every
     * thread, and H2 then closes the whole database ("The database has been closed") under everyone else still
     * working; this channel opens the file again and carries on instead.
     */
    private FileChannel retryingOnInterrupt(String mode) throws IOException {
        return FilePath.get(RETRY_SCHEME + ":" + getBase().name).open(mode);
    }

    /**
     * H2 replaces the database file by renaming a compacted copy over it ({@code SHUTDOWN COMPACT}), a copy it
     * wrote without forcing: the copy goes to the disk first, then the rename.
     */
    @Override
    public void moveTo(FilePath newName, boolean atomicReplace) {
        try {
            if (isRegularFile()) {
                force(Path.of(getBase().name));
            }
            super.moveTo(newName, atomicReplace);
            if (newName instanceof FilePathFsync target) {
                target.syncDirectory();
            }
        } catch (IOException e) {
            throw DbException.convertIOException(e, name);
        }
    }

    private void syncDirectory() throws IOException {
        if (WINDOWS) {
            return; // Java cannot open a directory there, and NTFS journals names itself
        }
        force(Path.of(getBase().name).toAbsolutePath().getParent());
    }

    private static void force(Path fileOrDirectory) throws IOException {
        try (FileChannel channel = FileChannel.open(fileOrDirectory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
