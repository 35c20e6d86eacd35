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
 * them are gone); those of a racebench killed outright are swept by the next one ({@link #sweep}).
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
     * shutdown; the first one a process makes also sweeps away those of racebench processes that
     * are gone ({@link #sweep}).
     */
    public static Path temporaryDir(String prefix) throws IOException {
        if (SWEPT.compareAndSet(false, true)) {
            Children.reapAtExit(); // the directory goes when the command ends, whatever else it started
            sweep(Path.of(System.getProperty("java.io.tmpdir")));
        }
        String named = prefix + ProcessHandle.current().pid() + "-";
        Path dir = posix() ? Files.createTempDirectory(named, ownerOnly()) : Files.createTempDirectory(named);
        TEMPORARY.add(dir);
        return dir;
    }

    private static final java.util.concurrent.atomic.AtomicBoolean SWEPT = new java.util.concurrent.atomic.AtomicBoolean();
    private static final java.util.regex.Pattern OURS = java.util.regex.Pattern.compile("racebench-[a-z]+-(\\d+)-\\d+");

    /**
     * Removes the temporary directories that racebench processes killed before they could clean up
     * (kill -9, the OOM killer) left in {@code tmp}: directories, not links, of this user, named
     * {@code racebench-<what>-<pid>-<n>}, whose process no longer runs. Anything else is left alone.
     */
    static void sweep(Path tmp) {
        try (Stream<Path> entries = Files.list(tmp)) {
            for (Path p : entries.toList()) {
                java.util.regex.Matcher m = OURS.matcher(p.getFileName().toString());
                if (m.matches() && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
                        && Files.getOwner(p, LinkOption.NOFOLLOW_LINKS).getName().equals(System.getProperty("user.name"))
                        && ProcessHandle.of(Long.parseLong(m.group(1))).isEmpty()) {
                    delete(p);
                }
            }
        } catch (IOException | UncheckedIOException | NumberFormatException e) {
            // a sweep is housekeeping: what it cannot read it leaves for the system's temporary-file cleaner
        }
    }

    /** Removes a temporary directory and everything in it; a leftover is not worth failing a run for. */
    public static void delete(Path dir) {
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
