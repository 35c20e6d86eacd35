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
    long spentNanos;
    int calls;
    boolean outOfTime;
    String failure;

    RowState(BenchCase c) {
        this.c = c;
    }

    int forks() {
        return samples == null ? 0 : samples.forks().size();
    }

    long costPerFork() {
        return calls == 0 ? 0 : spentNanos / calls;
    }

    /**
     * The row's relative half-width and the forks it needs, after a fork: the wider side's when
     * {@code withBase} (a base build whose side still runs).
     */
    void precision(AdaptiveMeasurement.Stopping stopping, boolean withBase) {
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
        verdictForks = forks() < 3 ? Integer.MAX_VALUE : forksToSee(sides, stopping.maxForks());
    }

    /**
     * The fewest forks a side (up to {@code maxForks}) at which forks that spread as these do
     * could detect a change of {@link DetectableEffect#WIDEST}; {@link Integer#MAX_VALUE} when
     * none would. Tonight's spread, for where tonight's forks go; a verdict's own band is drawn
     * from nights before tonight ({@link RowSpreads}).
     */
    private static int forksToSee(List<double[]> sides, int maxForks) {
        OptionalDouble spread = DetectableEffect.pooledLogSpread(sides);
        if (spread.isEmpty() || !Double.isFinite(spread.getAsDouble())) {
            return Integer.MAX_VALUE;
        }
        for (int n = 2; n <= maxForks; n++) {
            if (DetectableEffect.of(spread.getAsDouble(), n, n) <= DetectableEffect.WIDEST) {
                return n;
            }
        }
        return Integer.MAX_VALUE;
    }
}
