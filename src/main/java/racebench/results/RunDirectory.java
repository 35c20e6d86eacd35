package racebench.results;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A run's own directory, {@code <results>/<UTC yyyyMMdd-HHmmss>-<command>/}. It is always
 * new: two runs in the same second get {@code -2}, {@code -3} suffixes instead of sharing
 * or overwriting a directory.
 */
public final class RunDirectory {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Path path;
    private final Instant started;

    private RunDirectory(Path path, Instant started) {
        this.path = path;
        this.started = started;
    }

    public static RunDirectory create(Path results, String command, Instant now) throws IOException {
        Files.createDirectories(results);
        String base = STAMP.format(now) + "-" + command;
        for (int attempt = 1; ; attempt++) {
            Path candidate = results.resolve(attempt == 1 ? base : base + "-" + attempt);
            try {
                return new RunDirectory(Files.createDirectory(candidate), now);
            } catch (FileAlreadyExistsException e) {
                // someone ran in the same second; take the next suffix
            }
        }
    }

    /** An existing run directory, e.g. to mark it complete. */
    public static RunDirectory open(Path path, Instant started) {
        if (!Files.isDirectory(path)) {
            throw new IllegalArgumentException(path + " is not a directory");
        }
        return new RunDirectory(path, started);
    }

    public Path path() {
        return path;
    }

    public Path resolve(String file) {
        return path.resolve(file);
    }

    public Instant started() {
        return started;
    }
}
