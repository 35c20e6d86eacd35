package racebench.nightly;

import racebench.bench.Build;
import racebench.results.AtomicFiles;
import racebench.results.Completion;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * {@code results/builds/}: the jar each nightly ran, stored once by its SHA-256 and named in the
 * night's complete.csv, so that a later night can measure its baseline's build beside its own,
 * fork by fork, rather than compare with forks measured on other nights of a moving machine. A
 * build is stored only when racebench runs from one jar (as the launcher runs it); run from
 * class directories, a night names no build and its successors fall back to the pooled forks of
 * earlier nights. Builds no recent night names are removed.
 */
public final class Builds {
    static final String DIR = "builds";
    /** The fact in complete.csv naming the night's build. */
    static final String FACT = "build";

    /** A baseline night and its stored build. */
    public record Base(Path night, Build build) {
    }

    private Builds() {
    }

    /** Stores the build on {@code classPath} when it is one jar; its name, or empty when it is not a jar. */
    public static Optional<String> store(Path results, List<String> classPath) throws IOException {
        if (classPath.size() != 1 || !classPath.getFirst().endsWith(".jar")) {
            return Optional.empty();
        }
        Path jar = Path.of(classPath.getFirst());
        if (!Files.isRegularFile(jar)) {
            return Optional.empty();
        }
        String name = sha256(jar);
        Path target = results.resolve(DIR).resolve(name + ".jar");
        if (!Files.isRegularFile(target) || !sha256(target).equals(name)) {
            Files.createDirectories(target.getParent());
            Path part = Files.createTempFile(target.getParent(), ".part-", ".jar");
            try {
                Files.copy(jar, part, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                AtomicFiles.move(part, target);
            } finally {
                Files.deleteIfExists(part);
            }
        }
        return Optional.of(name);
    }

    /**
     * The newest of {@code candidates} (newest first) whose build is stored intact, copied into
     * {@code into}: the base build tonight measures beside its own. A night whose build is named
     * but missing or damaged is passed over with a note.
     *
     * @param into a private directory of tonight's ({@link racebench.process.PrivateFiles#temporaryDir})
     */
    public static Optional<Base> newest(Path results, List<Path> candidates, Path into, Consumer<String> notes)
            throws IOException {
        for (Path night : candidates) {
            Optional<String> name = Completion.fact(night, FACT);
            if (name.isEmpty()) {
                continue;
            }
            Path jar = results.resolve(DIR).resolve(name.get() + ".jar");
            if (!Files.isRegularFile(jar)) {
                notes.accept("no base build from " + night.getFileName() + ": " + jar + " is gone");
                continue;
            }
            try {
                return Optional.of(new Base(night, privateCopy(results, name.get(), into)));
            } catch (Damaged e) {
                notes.accept("no base build from " + night.getFileName() + ": " + e.getMessage());
            }
        }
        return Optional.empty();
    }

    /**
     * The build of that name as stored in {@code results/builds/}. Tonight's forks run from its
     * stored copy too, not from the jar racebench runs from, so that both sides' class paths are
     * of one length: a class path's length alone can move a row.
     */
    public static Build stored(Path results, String name) {
        return new Build(name, List.of(results.resolve(DIR).resolve(name + ".jar").toString()));
    }

    /**
     * The stored build of that name copied into {@code into} (a private directory of tonight's)
     * and checked there against its name, its SHA-256: the forks of a night run the copy, so a
     * jar swapped in the results directory while the night runs (by anyone who can write there)
     * is never run, and both sides' class paths keep one length.
     *
     * @throws Damaged when the copy's SHA-256 is not its name
     */
    public static Build privateCopy(Path results, String name, Path into) throws IOException {
        Path copy = into.resolve(name + ".jar");
        Files.copy(results.resolve(DIR).resolve(name + ".jar"), copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        if (!sha256(copy).equals(name)) {
            Files.deleteIfExists(copy);
            throw new Damaged(results.resolve(DIR).resolve(name + ".jar") + " is damaged (its SHA-256 differs)");
        }
        return new Build(name, List.of(copy.toString()));
    }

    /** A stored build whose bytes are not those its name promises. */
    public static final class Damaged extends IOException {
        Damaged(String message) {
            super(message);
        }
    }

    /**
     * Removes the stored builds that none of {@code nights} names, as its own build or as the base
     * build it was measured beside, and copies a run interrupted before {@code since} left behind.
     * Only what {@link #store} creates is ever removed: a regular file named {@code <64 hex>.jar} or
     * {@code .part-*.jar}, never a link, a folder or a file of another name.
     *
     * @param nights the nights a later night may still take a base from ({@link Baselines#auto}'s)
     * @param since  when tonight's run took the results directory's lock: a copy older than that is
     *               no other run's copy in progress
     */
    public static void prune(Path results, List<Path> nights, java.time.Instant since) throws IOException {
        Path dir = results.resolve(DIR);
        if (!Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Set<String> named = new HashSet<>();
        for (Path n : nights) {
            Completion.fact(n, FACT).ifPresent(b -> named.add(b + ".jar"));
            Completion.fact(n, Watch.BASE_FACT).ifPresent(b -> named.add(b + ".jar"));
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (!Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                boolean build = STORED.matcher(name).matches() && !named.contains(name);
                boolean stale = PART.matcher(name).matches()
                        && Files.getLastModifiedTime(file, java.nio.file.LinkOption.NOFOLLOW_LINKS).toInstant()
                        .isBefore(since);
                if (build || stale) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private static final java.util.regex.Pattern STORED = java.util.regex.Pattern.compile("[0-9a-f]{64}\\.jar");
    private static final java.util.regex.Pattern PART = java.util.regex.Pattern.compile("\\.part-.*\\.jar");

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a required algorithm", e);
        }
    }
}
