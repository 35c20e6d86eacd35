package racebench.cli;

import racebench.results.RunDirectory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** Where run directories go: --results, else $RACEBENCH_RESULTS, else results/ in the project the launcher runs from. */
final class Results {
    /** The environment variable that names the results directory when --results does not. */
    static final String ENVIRONMENT = "RACEBENCH_RESULTS";
    static final String DESCRIPTION = "Results directory (default: $" + ENVIRONMENT
            + ", else results/ in the project; --out is its old spelling).";

    private Results() {
    }

    static Path directory(Path out) {
        return directory(out, System.getenv(ENVIRONMENT));
    }

    static Path directory(Path out, String environment) {
        if (out != null) {
            return out;
        }
        if (environment != null && !environment.isBlank()) {
            return Path.of(environment);
        }
        String home = System.getProperty("racebench.home");
        return (home == null ? Path.of("") : Path.of(home)).toAbsolutePath().resolve("results");
    }

    /** A one-line usage error, before anything is written, when run directories cannot be made in {@code results}. */
    static void checkWritable(Path results) {
        Path existing = results.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing)) {
            throw new BadInput(results + " is not a directory");
        }
        if (!Files.isWritable(existing)) {
            throw new BadInput("cannot write to " + existing + " (for " + results + ")");
        }
    }

    /** A new run directory, or a one-line usage error when --out cannot hold one. */
    static RunDirectory create(Path results, String command) {
        if (Files.exists(results) && !Files.isDirectory(results)) {
            throw new BadInput("--results " + results + " is not a directory");
        }
        try {
            RunDirectory run = RunDirectory.create(results, command, Instant.now());
            if (!Files.isWritable(run.path())) {
                throw new BadInput("cannot write to " + run.path());
            }
            return run;
        } catch (IOException e) {
            throw new BadInput("cannot create a run directory in " + results + ": " + reason(e));
        }
    }

    /** NIO's messages are often the bare path; its exception class names the problem. */
    private static String reason(IOException e) {
        String kind = switch (e) {
            case java.nio.file.NoSuchFileException x -> "no such directory";
            case java.nio.file.AccessDeniedException x -> "permission denied";
            case java.nio.file.FileSystemException x when x.getReason() != null -> x.getReason();
            default -> e.getClass().getSimpleName();
        };
        String message = e.getMessage();
        return message == null || !message.contains(":") ? kind + " (" + message + ")" : message;
    }
}
