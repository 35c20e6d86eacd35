package racebench.bench;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.BenchmarkResult;
import racebench.stats.DetectableEffect;
import racebench.stats.Summary;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * One case of a run as {@link AdaptiveMeasurement} measures it: its forks so far (with a base
 * build, that build's too), what they cost, and what their spread says: how precise the row is
 * and how many forks it needs, for the target and for a verdict ({@link ForkFunding} reads them
 * every round).
 */
final class RowState {
    final BenchCase c;
    ForkSamples samples;
    BenchmarkParams params;
    final List<BenchmarkResult> results = new ArrayList<>();
    ForkSamples baseSamples;
    String baseFailure;
    double relativeHalfWidth = Double.POSITIVE_INFINITY; // kept up to date by precision(): read every round
    int forksFor = Integer.MAX_VALUE;                     // forks its spread needs for the target, likewise
    int verdictForks = Integer.MAX_VALUE;                 // forks it needs to detect a change of WIDEST, likewise
    int alarmForks = Integer.MAX_VALUE;                   // pairs it needs to catch ALARM_CHANGE, likewise
    int primaryForks = 0;                                 // a primary row: the pairs it is funded to first, likewise
    long spentNanos;
    int calls;
    boolean outOfTime;
    String failure;

    final boolean primary;
    final double alarmBar; // the two-sided level its alarm test meets first: alpha times its share

    RowState(BenchCase c, boolean primary, double alarmBar) {
        this.c = c;
        this.primary = primary;
        this.alarmBar = alarmBar;
    }

    RowState(BenchCase c) {
        this(c, false, racebench.stats.Comparison.Criteria.DEFAULT_ALPHA);
    }

    int forks() {
        return samples == null ? 0 : samples.forks().size();
    }

    long costPerFork() {
        return calls == 0 ? 0 : spentNanos / calls;
    }

    /**
     * The row's relative half-width and the forks it needs, after a fork: the wider side's when
     * {@code withBase} (a base build whose side still runs). How many forks it needs to see a
     * 50% change comes from {@code priorSpread}, its forks' spread in the runs before this one,
     * when known (null otherwise): that is the spread its verdict will be judged at
     * ({@link RowSpreads}); else from this run's forks, three at least. So do the pairs it needs
     * to catch a change of {@link DetectableEffect#ALARM_CHANGE} at its {@link #alarmBar}
     * ({@link DetectableEffect#forksToAlarm}), only asked with a base build: without one nothing
     * raises an alarm. A primary row is funded to those pairs first, up to the maximum, at the
     * larger of its spread before this run and this run's: a young history's one thin run must not
     * leave it short.
     */
    void precision(AdaptiveMeasurement.Stopping stopping, boolean withBase, Double priorSpread) {
        if (forks() < 2) {
            return;
        }
        Summary mine = Summary.of(samples.forkMeans());
        relativeHalfWidth = mine.relativeHalfWidth();
        forksFor = mine.forksFor(stopping.targetHalfWidth());
        List<double[]> sides = List.of(samples.forkMeans());
        if (withBase) {
            if (baseSamples == null || baseSamples.forks().size() < 2) {
                relativeHalfWidth = Double.POSITIVE_INFINITY;
                return;
            }
            Summary theirs = Summary.of(baseSamples.forkMeans());
            relativeHalfWidth = Math.max(relativeHalfWidth, theirs.relativeHalfWidth());
            forksFor = Math.max(forksFor, theirs.forksFor(stopping.targetHalfWidth()));
            sides = List.of(samples.forkMeans(), baseSamples.forkMeans());
        }
        OptionalDouble tonight = forks() < 3 ? OptionalDouble.empty() : DetectableEffect.pooledLogSpread(sides);
        OptionalDouble spread = priorSpread != null ? OptionalDouble.of(priorSpread) : tonight;
        verdictForks = spread.isPresent() ? DetectableEffect.forksToSee(spread.getAsDouble(), stopping.maxForksToSee())
                : Integer.MAX_VALUE;
        alarmForks = withBase && spread.isPresent()
                ? DetectableEffect.forksToAlarm(spread.getAsDouble(), alarmBar, stopping.maxForks()) : Integer.MAX_VALUE;
        if (withBase && primary && spread.isPresent()) {
            double larger = Math.max(spread.getAsDouble(), tonight.orElse(0));
            int needed = DetectableEffect.forksToAlarm(larger, alarmBar, stopping.maxForks());
            primaryForks = Math.min(needed, stopping.maxForks());
        }
    }
}
