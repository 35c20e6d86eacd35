package racebench.nightly;

import racebench.bench.RunComparison;
import racebench.results.Completion;
import racebench.results.Csv;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The nights a nightly's baseline comes from: its last {@link NightlyPolicy#baselineRuns()} complete
 * nightlies on the same machine, JDK and settings. The newest of them with a stored build
 * gives the base build measured beside tonight's ({@link Builds}); without one, their forks
 * are pooled, so one odd night does not move the bar and the base side has five times the forks. A night that ended in a finding (a regression) is
 * left out until a person accepts it ({@code nightly accept RUN}): otherwise a regression
 * alerts once and then becomes the new normal. Every candidate is read and checked before
 * anything is measured.
 */
public final class Baselines {
    static final String ACCEPTED_FILE = "accepted.csv";
    /** The fact in complete.csv that says the benchmarks regressed (a race finding alone does not keep a night out). */
    static final String REGRESSION_FACT = "regression";
    static final String SUFFIX = "-nightly";

    private Baselines() {
    }

    /**
     * The newest {@code runs} usable nightlies in {@code results}. Unusable ones (incomplete,
     * unreadable, another machine, a regression not accepted) are skipped, each with a note, so
     * a stray corrupt directory never stops the job.
     */
    public static List<Path> auto(Path results, Fingerprint here, int runs, Consumer<String> notes) throws IOException {
        List<Path> candidates = nightlies(results);
        List<Path> chosen = new ArrayList<>();
        for (Path run : candidates) {
            if (chosen.size() == runs) {
                break;
            }
            if (!Completion.isComplete(run)) {
                continue; // interrupted or still running: silently not a baseline
            }
            try {
                check(run, here);
                if (regressed(run) && !isAccepted(run)) {
                    notes.accept("not a baseline: " + run + " regressed and was not accepted "
                            + "(nightly accept " + run + ")");
                    continue;
                }
                chosen.add(run);
            } catch (IllegalArgumentException e) {
                notes.accept("not a baseline: " + e.getMessage());
            }
        }
        return List.copyOf(chosen);
    }

    /** The nightly run directories in {@code results}, newest first (they are named by UTC start time). */
    static List<Path> nightlies(Path results) throws IOException {
        if (!Files.isDirectory(results)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(results)) {
            return dirs.filter(p -> p.getFileName().toString().contains(SUFFIX) && Files.isDirectory(p))
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed()).toList();
        }
    }

    /** A baseline the user named: it must be usable, or one line says why. */
    public static Path given(Path run, Fingerprint here) {
        if (!Files.isDirectory(run)) {
            throw new IllegalArgumentException("--baseline " + run + " is not a run directory");
        }
        if (!Completion.isComplete(run)) {
            throw new IllegalArgumentException("--baseline " + run + " is incomplete (no " + Completion.FILE
                    + "): it was interrupted or is still running");
        }
        check(run, here);
        return run;
    }

    /** Readable forks, and the same machine, JDK and settings; else one line naming the file and the problem. */
    static void check(Path run, Fingerprint here) {
        Fingerprint there = Fingerprint.read(run);
        String difference = here.difference(there);
        if (!difference.isEmpty()) {
            throw new IllegalArgumentException(run + " ran with another " + difference);
        }
        try {
            RunComparison.forkMeans(run);
        } catch (IOException e) {
            throw new IllegalArgumentException(run.resolve(RunComparison.FORKS_FILE) + " is unreadable: " + e.getMessage());
        }
    }

    /** Lets a night that ended in a finding into later baselines: a person has looked and accepts it as the new normal. */
    public static void accept(Path run) throws IOException {
        if (!Files.isDirectory(run) || !run.getFileName().toString().contains(SUFFIX)) {
            throw new IllegalArgumentException("nightly accept: " + run + " is not a nightly run directory");
        }
        if (!Completion.isComplete(run)) {
            throw new IllegalArgumentException("nightly accept: " + run + " is incomplete; only a complete nightly can be accepted");
        }
        Map<String, String> facts = new java.util.LinkedHashMap<>();
        facts.put("accepted", Instant.now().toString());
        facts.put("by", System.getProperty("user.name", ""));
        Csv.writeFacts(run.resolve(ACCEPTED_FILE), facts);
    }

    /** A night whose benchmarks regressed; a run marked FINDING without the fact counts as one, to be safe. */
    static boolean regressed(Path run) {
        return Completion.fact(run, REGRESSION_FACT).map(Boolean::parseBoolean)
                .orElse(Completion.status(run).orElse(Completion.Status.OK) == Completion.Status.FINDING);
    }

    static boolean isAccepted(Path run) {
        return Files.isRegularFile(run.resolve(ACCEPTED_FILE));
    }
}
