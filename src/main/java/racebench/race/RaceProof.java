package racebench.race;

import racebench.results.RunDirectory;
import racebench.workload.counter.SharedCounter;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A race proof from a test: the counter's class stressed against its twin as
 * {@code ./racebench race --counter} does, and the verdict asserted.
 *
 * <pre>{@code
 * @Test
 * void myCounterIsProven() {
 *     RaceProof.of(MyCounter.class).within(Duration.ofMinutes(3)).assertProven();
 * }
 * }</pre>
 *
 * A failed assertion is an {@link AssertionError} whose one-line message says why (a RACE with
 * its lost updates, or what a SAFE_UNPROVEN run lacked) and names the run directory, which holds
 * race.csv and index.html as a race run's does. Runs go to {@code $RACEBENCH_RESULTS}, else
 * {@code target/racebench-results} under the working directory (Maven's project directory).
 * The counter runs only in JVMs of its own, never in the test's.
 */
public final class RaceProof {
    private final Class<? extends SharedCounter> counter;
    private final Duration budget; // null: the mode's own
    private final String mode;
    private final Path results;
    private final PrintWriter console;

    private RaceProof(Class<? extends SharedCounter> counter, Duration budget, String mode, Path results,
                      PrintWriter console) {
        this.counter = counter;
        this.budget = budget;
        this.mode = mode;
        this.results = results;
        this.console = console;
    }

    /** A proof of this counter in jcstress's quick mode, within the mode's own budget (5 minutes; none in default and tough). */
    public static RaceProof of(Class<? extends SharedCounter> counter) {
        String env = System.getenv("RACEBENCH_RESULTS");
        Path results = env != null && !env.isBlank() ? Path.of(env) : Path.of("target", "racebench-results");
        return new RaceProof(counter, null, "quick", results, new PrintWriter(System.out, true));
    }

    /** Stops adding rounds after this long: the run's wall time, as {@code race --budget}. */
    public RaceProof within(Duration budget) {
        if (budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("the budget must be positive, got " + budget);
        }
        return new RaceProof(counter, budget, mode, results, console);
    }

    /** jcstress's mode: sanity, quick, default or tough. */
    public RaceProof mode(String mode) {
        String m = mode.toLowerCase(Locale.ROOT);
        if (!RaceSuite.MODES.contains(m)) {
            throw new IllegalArgumentException("unknown mode '" + mode + "'; use sanity, quick, default or tough");
        }
        return new RaceProof(counter, budget, m, results, console);
    }

    /** Where the run's directory goes. */
    public RaceProof results(Path directory) {
        return new RaceProof(counter, budget, mode, directory, console);
    }

    /** Where the run's progress and tables are printed (System.out by default). */
    public RaceProof console(PrintWriter out) {
        return new RaceProof(counter, budget, mode, results, out);
    }

    /** Runs the proof and returns the counter's verdict, whatever it is. */
    public CounterRace.Result run() {
        try {
            return CounterRace.run(CounterRace.check(List.of(counter.getName()), classPath(counter)),
                    new CounterRace.Settings(mode, null, null, true, budget), this::newRun, console).getFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while proving " + counter.getName(), e);
        } catch (JcstressRunner.JcstressFailure e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Fails unless the counter is PROVEN: no lost update, and a run that could have seen one. */
    public CounterRace.Result assertProven() {
        CounterRace.Result result = run();
        if (result.verdict().verdict() != Verdict.PROVEN) {
            throw new AssertionError(reason(result));
        }
        return result;
    }

    /** Fails only on a lost update or a run that could not finish: SAFE_UNPROVEN passes. */
    public CounterRace.Result assertNoRace() {
        CounterRace.Result result = run();
        Verdict v = result.verdict().verdict();
        if (v != Verdict.PROVEN && v != Verdict.SAFE_UNPROVEN) {
            throw new AssertionError(reason(result));
        }
        return result;
    }

    /** The one line a failed assertion says. */
    static String reason(CounterRace.Result result) {
        VariantResult r = result.verdict();
        String why = switch (r.verdict()) {
            case RACE -> String.format(Locale.ROOT, "%,d lost update(s) in %,d samples: the counter races",
                    r.lostUpdates(), r.samples());
            case SAFE_UNPROVEN -> "no lost update, but not proven: " + r.proof().shortfall();
            case PROVEN -> String.format(Locale.ROOT, "PROVEN, at least %.0fx below its twin's rate",
                    r.proof().weakest());
            default -> "jcstress could not run every configuration";
        };
        return String.format(Locale.ROOT, "%s: %s: %s (run: %s)", result.counter(), r.verdict(), why,
                result.run().path());
    }

    private RunDirectory newRun() {
        try {
            return RunDirectory.create(results, "race", Instant.now());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a run directory in " + results, e);
        }
    }

    /** Where the class was loaded from: its directory or jar. */
    static String classPath(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException | NullPointerException | SecurityException e) {
            throw new IllegalArgumentException(type.getName() + " has no class file location racebench can read", e);
        }
    }
}
