package racebench.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Where racebench keeps files that other users must not read or plant: caches in the user's
 * cache directory ({@code $XDG_CACHE_HOME/racebench}, else {@code ~/.cache/racebench}) and
 * temporary directories, both mode 0700, checked not to be symbolic links and to belong to
 * the user running racebench. Temporary directories are removed when the command ends, also
 * on Ctrl-C or SIGTERM (from {@link Children}'s shutdown hook, after the children that used
 * them are gone); those of a racebench killed outright are swept by the next one ({@link #sweep}),
 * which knows them by a marker file their process holds locked while it lives.
 */
public final class PrivateFiles {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
    private static final Set<Path> TEMPORARY = ConcurrentHashMap.newKeySet();

    private PrivateFiles() {
    }

    /** A cache directory of racebench's, created 0700 if missing; one line if it cannot be trusted. */
    public static Path cacheDir(String name) throws IOException {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return cacheDir(base, name);
    }

    /**
     * {@code base/racebench/name}; {@code base}, the user's cache directory, is created 0700 when
     * missing, as the XDG base directory specification asks (a fresh machine's root may have no
     * {@code ~/.cache}).
     */
    static Path cacheDir(Path base, String name) throws IOException {
        if (!Files.isDirectory(base)) {
            if (posix()) {
                Files.createDirectories(base, ownerOnly());
            } else {
                Files.createDirectories(base);
            }
        }
        Path racebench = privateDir(base.resolve("racebench"));
        return privateDir(racebench.resolve(name));
    }

    /**
     * A fresh 0700 temporary directory, {@code <prefix><pid>-<n>}, removed by {@link #delete} or at
     * shutdown. It holds a marker file that this process keeps locked while it lives, so the next
     * racebench can tell it from a live run's if this one is killed outright ({@link #sweep}); the
     * first directory a process makes also sweeps.
     */
    public static Path temporaryDir(String prefix) throws IOException {
        if (SWEPT.compareAndSet(false, true)) {
            Children.reapAtExit(); // the directory goes when the command ends, whatever else it started
            sweep(Path.of(System.getProperty("java.io.tmpdir")));
        }
        String named = prefix + ProcessHandle.current().pid() + "-";
        Path dir = posix() ? Files.createTempDirectory(named, ownerOnly()) : Files.createTempDirectory(named);
        java.nio.channels.FileChannel marker = java.nio.channels.FileChannel.open(dir.resolve(MARKER),
                java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
        if (marker.tryLock() == null) {
            marker.close();
            throw new IOException("cannot lock " + dir.resolve(MARKER));
        }
        MARKERS.put(dir, marker); // released when this process ends, however it ends
        TEMPORARY.add(dir);
        return dir;
    }

    /** The file in each temporary directory that its process holds locked while it lives. */
    static final String MARKER = ".racebench-alive";
    private static final java.util.Map<Path, java.nio.channels.FileChannel> MARKERS = new ConcurrentHashMap<>();
    private static final java.util.concurrent.atomic.AtomicBoolean SWEPT = new java.util.concurrent.atomic.AtomicBoolean();
    private static final java.util.regex.Pattern OURS =
            java.util.regex.Pattern.compile("racebench-(builds|jcstress|tests|ipc|jmh|test)-\\d+-\\d+");

    /**
     * Removes the temporary directories that racebench processes killed before they could clean up
     * (kill -9, the OOM killer) left in {@code tmp}: directories, not links, of this user, named
     * as {@link #temporaryDir} names them and holding its marker, a regular file that no process
     * holds locked (a lock is the process's own, whatever pid namespace it runs in, and goes
     * with it). Anything else is left alone; what cannot be read is skipped.
     */
    static void sweep(Path tmp) {
        List<Path> entries;
        try (Stream<Path> list = Files.list(tmp)) {
            entries = list.filter(p -> OURS.matcher(p.getFileName().toString()).matches()).toList();
        } catch (IOException | UncheckedIOException e) {
            return; // a sweep is housekeeping: the system's temporary-file cleaner has the rest
        }
        for (Path dir : entries) {
            try {
                Path marker = dir.resolve(MARKER);
                if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)
                        || !Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS).getName().equals(System.getProperty("user.name"))
                        || !Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                boolean gone;
                try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(marker,
                        java.nio.file.StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                    java.nio.channels.FileLock lock = channel.tryLock();
                    gone = lock != null;
                    if (lock != null) {
                        lock.release();
                    }
                } catch (java.nio.channels.OverlappingFileLockException e) {
                    gone = false; // this very process holds it
                }
                if (gone) {
                    delete(dir);
                }
            } catch (IOException | RuntimeException e) {
                // this one cannot be read or locked now: leave it, go on with the others
            }
        }
    }

    /** Removes a temporary directory and everything in it; a leftover is not worth failing a run for. */
    public static void delete(Path dir) {
        java.nio.channels.FileChannel marker = MARKERS.remove(dir);
        if (marker != null) {
            try {
                marker.close();
            } catch (IOException e) {
                // its lock goes with the process anyway
            }
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
            TEMPORARY.remove(dir);
        } catch (IOException | UncheckedIOException e) {
            // left for the system's temporary-file cleaner
        }
    }

    /**
     * Keeps the {@code keep} newest regular files of a cache directory whose names match, deletes
     * the rest; a folder or a link, whatever its name, is never racebench's and is left alone.
     */
    public static void prune(Path dir, String glob, int keep) throws IOException {
        var matcher = dir.getFileSystem().getPathMatcher("glob:" + glob);
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> matcher.matches(p.getFileName()))
                    .filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .sorted(Comparator.comparing(PrivateFiles::modified).reversed()).toList();
        }
        for (Path old : files.subList(Math.min(keep, files.size()), files.size())) {
            Files.deleteIfExists(old);
        }
    }

    static void deleteAllTemporary() {
        List.copyOf(TEMPORARY).forEach(PrivateFiles::delete);
    }

    static Path privateDir(Path dir) throws IOException {
        try {
            if (posix()) {
                Files.createDirectory(dir, ownerOnly());
            } else {
                Files.createDirectory(dir);
            }
        } catch (FileAlreadyExistsException e) {
            // checked below, without following a link
        }
        BasicFileAttributes attributes = Files.readAttributes(dir, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (attributes.isSymbolicLink() || !attributes.isDirectory()) {
            throw new IOException(dir + " is not a directory of its own (a symbolic link or a file): remove it");
        }
        if (posix()) {
            String owner = Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS).getName();
            if (!owner.equals(System.getProperty("user.name"))) {
                throw new IOException(dir + " belongs to " + owner + ", not to " + System.getProperty("user.name")
                        + ": racebench will not use it");
            }
            if (!Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS).equals(OWNER_ONLY)) {
                Files.setPosixFilePermissions(dir, OWNER_ONLY);
            }
        }
        return dir;
    }

    private static boolean posix() {
        return java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private static FileAttribute<Set<PosixFilePermission>> ownerOnly() {
        return PosixFilePermissions.asFileAttribute(OWNER_ONLY);
    }

    private static java.nio.file.attribute.FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return java.nio.file.attribute.FileTime.fromMillis(0);
        }
    }
}
