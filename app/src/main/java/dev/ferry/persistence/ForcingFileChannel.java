package dev.ferry.persistence;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.store.fs.FileBase;

/**
 * The H2 database file's channel under {@link FilePathFsync}: each write returns only once it is on the device.
 *
 * <p>Which force: {@code force(false)} promises only the file's content, while an MVStore chunk is usually
 * appended, and a file whose new length is lost in a power cut loses the chunk with it (Java counts the length
 * as metadata). So a write that grows the file forces the metadata too ({@code fsync}); one inside the file
 * (the store header, a chunk in reused space) forces the content only ({@code fdatasync} on Linux, which spares
 * a journal commit for the modification time).
 */
final class ForcingFileChannel extends FileBase {

    private static final AtomicLong FORCES = new AtomicLong();

    private final FileChannel file;

    ForcingFileChannel(FileChannel file) {
        this.file = file;
    }

    /** Forces made by every such channel in this JVM, for tests that check a commit waited for one. */
    static long forces() {
        return FORCES.get();
    }

    @Override
    public synchronized int write(ByteBuffer src, long position) throws IOException {
        boolean grows = position + src.remaining() > file.size();
        int written = file.write(src, position);
        force(grows);
        return written;
    }

    @Override
    public synchronized int write(ByteBuffer src) throws IOException {
        long position = file.position();
        int written = write(src, position);
        file.position(position + written);
        return written;
    }

    @Override
    public void force(boolean metaData) throws IOException {
        file.force(metaData);
        FORCES.incrementAndGet();
    }

    @Override
    public synchronized FileChannel truncate(long size) throws IOException {
        file.truncate(size);
        force(true);
        return this;
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        return file.read(dst, position);
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        return file.read(dst);
    }

    @Override
    public long position() throws IOException {
        return file.position();
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
        file.position(newPosition);
        return this;
    }

    @Override
    public long size() throws IOException {
        return file.size();
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
        return file.tryLock(position, size, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
        file.close();
    }

    @Override
    public String toString() {
        return FilePathFsync.SCHEME + ":" + file;
    }
}
