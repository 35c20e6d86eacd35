package racebench.nightly;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One nightly at a time per results directory: an OS file lock on {@value #FILE} in it. The
 * kernel drops the lock when its process dies however it dies (kill -9 included), so a lock
 * left by a dead nightly never blocks the next night; there is no PID file to go stale.
 */
public final class NightlyLock implements AutoCloseable {
    static final String FILE = ".nightly.lock";

    /** Another nightly holds the lock. */
    public static final class Busy extends Exception {
        Busy(String message) {
            super(message);
        }
    }

    private final FileChannel channel;
    private final FileLock lock;

    private NightlyLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock at once or throws {@link Busy}; never waits. */
    public static NightlyLock acquire(Path results) throws IOException, Busy {
        Files.createDirectories(results);
        Path file = results.resolve(FILE);
        if (Files.isSymbolicLink(file)) {
            throw new IOException(file + " is a symbolic link; refusing to lock through it");
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by this very JVM (a test running two nightlies at once)
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new Busy("another nightly is running in " + results + " (it holds " + file + "); try again later");
        }
        return new NightlyLock(channel, lock);
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
