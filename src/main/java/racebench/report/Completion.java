package racebench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
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
        List<List<String>> rows = new java.util.ArrayList<>(
                List.of(List.of("status", status.name()), List.of("end", end.toString())));
        new java.util.TreeMap<>(facts).forEach((k, v) -> rows.add(List.of(k, v)));
        Csv.write(run.resolve(FILE), List.of("key", "value"), rows, row -> row);
    }

    /** One fact of a complete run's mark. */
    public static Optional<String> fact(Path run, String key) {
        try {
            for (var r : Csv.read(run.resolve(FILE))) {
                if (r.get("key").equals(key)) {
                    return Optional.of(r.get("value"));
                }
            }
        } catch (IOException | RuntimeException e) {
            // unreadable: no such fact
        }
        return Optional.empty();
    }

    /** The status of a complete run; empty when the run is incomplete or its mark unreadable. */
    public static Optional<Status> status(Path run) {
        Path file = run.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Map<String, String> facts = new HashMap<>();
            for (var r : Csv.read(file)) {
                facts.put(r.get("key"), r.get("value"));
            }
            return Optional.of(Status.valueOf(facts.getOrDefault("status", "")));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public static boolean isComplete(Path run) {
        return status(run).isPresent();
    }
}
