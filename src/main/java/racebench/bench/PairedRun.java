package racebench.bench;

import racebench.results.RunDirectory;
import racebench.stats.Comparison;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ab}: one paired comparison of two sides ({@link Side}: two builds, two JDKs, or two sets of
 * JVM flags) on this machine, the way a nightly pairs its build with the last good one: every fork
 * of a row is a pair, one fork of each side back to back in alternating order (ABBA), so whatever
 * the machine does meanwhile reaches both sides; then the rows are judged together by the same
 * judge as compare and nightly ({@link RunComparison#compareWithin}).
 */
public final class PairedRun {
    private PairedRun() {
    }

    /**
     * Measures {@code cases} on both sides into {@code run} (bench-forks.csv holds the new side's
     * forks, base-forks.csv the base side's) and judges them; compare.csv is the caller's to write.
     */
    public static RunComparison.Result run(PrintWriter console, Profile profile, String include, List<BenchCase> cases,
                                           Side base, Side candidate, Map<String, List<String>> params,
                                           Comparison.Criteria criteria, Duration budget, RunDirectory run)
            throws IOException, BenchRun.JmhFailure {
        console.printf("racebench: ab of two sides, each fork of one paired with a fork of the other%n  %s%n  %s%n",
                base.describe(), candidate.describe());
        BenchRun.Measured measured = BenchRun.measure(console, profile, include, cases, candidate, Optional.of(base),
                Optional.empty(), params, budget, run);
        if (measured.baseSamples().isEmpty()) {
            throw new BenchRun.JmhFailure("the base side ran no fork: " + measured.baseFailure().orElse("no result")
                    + "; see " + run.resolve("jmh.log"));
        }
        return RunComparison.compareWithin(run.path(), criteria, Map.of(), List.of());
    }
}
