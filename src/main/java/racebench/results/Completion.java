package racebench.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The mark a run directory gets as its last step: {@value #FILE}, written atomically, with
 * the run's status and end time. A directory without it was interrupted (Ctrl-C, SIGTERM,
 * kill -9, a power cut) or is still running, and is never used as a baseline.
 */
public final class Completion {
    public static final String FILE = "complete.csv";

    /** How the run ended: every verdict as expected, or a finding (a race, a regression). */
    public enum Status { OK, FINDING }

    private Completion() {
    }

    public static void mark(RunDirectory run, Status status, Instant end) throws IOException {
        mark(run, status, end, Map.of());
    }

    /** Marks the run complete with more facts, e.g. whether the benchmarks regressed. */
    public static void mark(RunDirectory run, Status status, Instant end, Map<String, String> facts) throws IOException {
        Map<String, String> all = new java.util.LinkedHashMap<>();
        all.put("status", status.name());
        all.put("end", end.toString());
        all.putAll(new java.util.TreeMap<>(facts));
        Csv.writeFacts(run.resolve(FILE), all);
    }

    /** One fact of a complete run's mark. */
    public static Optional<String> fact(Path run, String key) {
        try {
            return Optional.ofNullable(Csv.readFacts(run.resolve(FILE)).get(key));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // unreadable: no such fact
        }
    }

    /** The status of a complete run; empty when the run is incomplete or its mark unreadable. */
    public static Optional<Status> status(Path run) {
        Path file = run.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Status.valueOf(Csv.readFacts(file).getOrDefault("status", "")));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public static boolean isComplete(Path run) {
        return status(run).isPresent();
    }
}
