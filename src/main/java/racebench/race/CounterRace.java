package racebench.race;

import racebench.results.RunDirectory;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A race of users' own counters: each class checked in a JVM of its own before anything runs,
 * its twin chosen (its own, the class with its synchronisation taken out by
 * {@link racebench.twin.Unlocker}, when the rewrite removes something; else the reference twin,
 * RacyVolatile), then the suite run for each counter in turn, each into a run directory of its
 * own. One counter a jcstress run, because a fork learns its counter from a system property.
 */
public final class CounterRace {

    /** How each counter is stressed: the suite's mode, jcstress overrides, the retry and the budget of each counter's run. */
    public record Settings(String mode, Integer timeMillis, Integer iterations, boolean retry, Duration budget) {
    }

    /** A counter whose class passed {@link UserCounterCheck}, and the class path entries it was found on. */
    public record Checked(String counter, List<String> classPath) {
    }

    /** One counter's run: its class, its verdict, and where its files are. */
    public record Result(String counter, VariantResult verdict, RunDirectory run, RaceSuite.Outcome outcome) {
    }

    private CounterRace() {
    }

    /**
     * Checks every counter on the class path, each in a JVM of its own, before anything runs;
     * throws IllegalArgumentException with a one-line reason at the first unfit one.
     */
    public static List<Checked> check(List<String> counters, String classPath) {
        List<Checked> checked = new ArrayList<>();
        for (String counter : counters) {
            checked.add(new Checked(counter, UserCounterCheck.check(counter, classPath)));
        }
        return checked;
    }

    /**
     * Runs the suite for each checked counter in turn, each into a new run directory from
     * {@code runs}, and lists the verdicts when there are several.
     */
    public static List<Result> run(List<Checked> counters, Settings settings, Supplier<RunDirectory> runs,
                                   PrintWriter console)
            throws IOException, InterruptedException, JcstressRunner.JcstressFailure {
        List<Result> results = new ArrayList<>();
        for (Checked c : counters) {
            RaceSuite.Request request = request(c.counter(), c.classPath(), settings, console);
            RunDirectory run = runs.get();
            RaceSuite.Outcome outcome = RaceSuite.run(request, run, console);
            results.add(new Result(c.counter(), verdict(outcome), run, outcome));
        }
        if (results.size() > 1) {
            console.printf("%nracebench: %d counters%n", results.size());
            results.forEach(r -> console.printf("  %-14s %s  (%s)%n", r.verdict().verdict(), r.counter(), r.run().path()));
        }
        console.flush();
        return results;
    }

    /** The suite's request for one checked counter: its test, its twin's, and a class path that holds it. */
    static RaceSuite.Request request(String counter, List<String> userClassPath, Settings settings, PrintWriter console) {
        List<String> childClassPath = new ArrayList<>(List.of(System.getProperty("java.class.path")
                .split(File.pathSeparator)));
        childClassPath.addAll(userClassPath);
        boolean ownTwin = ownTwin(counter, userClassPath, console);
        List<String> tests = RaceSuite.available().stream().filter(Verdicts::isUserTest)
                .filter(t -> ownTwin || !t.endsWith("." + Verdicts.USER_TWIN_VARIANT)).toList();
        return RaceSuite.Request.of(settings.mode(), tests, childClassPath)
                .forCounter(counter, List.of("-D" + UserCounterCheck.PROPERTY + "=" + counter))
                .overriding(settings.timeMillis(), settings.iterations())
                .within(settings.budget(), settings.retry());
    }

    /** The counter's verdict among an outcome's. */
    static VariantResult verdict(RaceSuite.Outcome outcome) {
        return outcome.verdicts().stream()
                .filter(r -> r.test().endsWith("." + Verdicts.USER_VARIANT)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the run has no verdict for the counter"));
    }

    /** Whether the counter has a twin of its own, said on the console either way. */
    private static boolean ownTwin(String counter, List<String> userClassPath, PrintWriter console) {
        racebench.twin.Unlocker.Removed removed;
        try {
            removed = racebench.twin.Unlocker.of(counter, userClassPath).removed();
        } catch (IOException | RuntimeException e) {
            console.printf("racebench: %s's class file could not be rewritten (%s); it is proved against the reference "
                    + "twin, RacyVolatile%n", counter, e.getMessage());
            return false;
        }
        if (removed.any()) {
            console.printf("racebench: %s is proved against its own twin: the class without its %s%n", counter,
                    removed.describe());
            return true;
        }
        console.printf("racebench: %s has no synchronisation racebench can take out (it covers synchronized, Lock, "
                + "Semaphore, StampedLock and atomic read-modify-writes); it is proved against the reference twin, "
                + "RacyVolatile%n", counter);
        return false;
    }
}
