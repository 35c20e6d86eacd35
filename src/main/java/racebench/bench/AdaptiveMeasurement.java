package racebench.bench;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.RunnerException;
import racebench.report.Progress;
import racebench.report.RunDirectory;
import racebench.stats.DetectableEffect;
import racebench.stats.Summary;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Forks until precise or out of time (Laaber et al., FSE 2020, stop a benchmark once its
 * relative CI width settles). Every case first gets the profile's minimum forks, one fork per
 * case per round so that a slow spell of the machine spreads over all rows rather than
 * hitting one (interleaved trials, Abedi and Brecht, ICPE 2017). Then, round by round, each
 * case whose 95% interval is still wider than the target gets one more fork, until it
 * converges, reaches the profile's maximum, or runs out of time.
 *
 * <p>Which cases get those forks: first the ones that can still reach the target, cheapest
 * first. Each case's spread says how many forks it needs ({@link Summary#forksFor}); times its
 * cost per fork that is what converging it costs, and cases are funded in order of that cost
 * while it fits in the time left, which brings the most rows to the target a budget can
 * (on this machine the lock, IPC, spawn and thread-local rows need hundreds of forks for ±2%
 * and the strategy rows 6 to 11: under equal shares the hopeless rows spent the forks the
 * others needed). Next, likewise cheapest first, the cases still too blind for a verdict (their
 * forks spread so much that they could not detect a 50% change, {@link DetectableEffect}), up to
 * the forks that would let them: on four A/A nights here the IPC round trips, the pool and
 * virtual-thread spawns and two thread-local rows needed 8 to 22 pairs for that (estimated from
 * their forks' spread; beyond the profile's maximum, 15 pairs, a row stays blind) and under equal
 * shares got 7, so 13 to 15 of 90 rows were INCONCLUSIVE every night as too blind, while most
 * lock rows could tell a 50% change at 3 pairs. When none fits in the time left, the cases that
 * could converge within the profile's maximum share what is left evenly, and when none of those
 * are left, every unfinished case does, as before: a case's share is the budget not spent by
 * the others over the cases sharing, so one costly row (a child JVM per task of 32 tasks) cannot
 * starve the rest.
 *
 * <p>With a base build ({@link Build}: a nightly's last accepted one) every fork of a case is a
 * pair, one fork of each build back to back, in alternating order (ABBA, so neither build
 * always runs first), and a case is precise when both sides are. The machine's drift over the
 * night then reaches both builds alike: measured here, a machine that ran one build's CPU
 * rows 8% slower within an hour (no change of the build) gave nine false regressions between
 * nights compared across that hour.
 */
public final class AdaptiveMeasurement {

    /**
     * When a case stops getting forks: it has {@code minForks} and its relative 95% half-width
     * is at most {@code targetHalfWidth}, or it has {@code maxForks}. A target of 0 never
     * converges: every case gets forks until the maximum or the budget.
     */
    public record Stopping(int minForks, int maxForks, double targetHalfWidth) {
        public Stopping {
            if (minForks < 1 || maxForks < minForks || !(targetHalfWidth >= 0)) {
                throw new IllegalArgumentException("forks " + minForks + " to " + maxForks + ", target " + targetHalfWidth);
            }
        }

        public static Stopping of(Profile profile) {
            return new Stopping(profile.minForks(), profile.maxForks(), profile.targetHalfWidth());
        }

        /**
         * The same budget spent in pairs, one fork of each build: one pair fewer at the minimum
         * (two at least, for an interval) and half the maximum, so a night of pairs has about
         * the forks of a night without.
         */
        public Stopping paired() {
            return new Stopping(Math.max(2, minForks - 1), Math.max(2, maxForks / 2), targetHalfWidth);
        }
    }

    /**
     * What was measured, what was not reached, and the rows whose fork failed; with a base build,
     * its forks by case ({@code baseByCase}, empty without one) and the rows whose base fork failed.
     */
    public record Result(Map<BenchCase, ForkSamples> byCase, List<String> jsonElements, int forks, Duration took,
                         boolean budgetTooSmall, List<String> failures,
                         List<RunResult> rows, Map<BenchCase, ForkSamples> baseByCase, List<String> baseFailures) {
        /** Every measured case's forks, in case order. */
        public List<ForkSamples> samples() {
            return List.copyOf(byCase.values());
        }
    }

    /** Runs one fork of a case: JMH in production, a stand-in in tests. */
    @FunctionalInterface
    interface Forker {
        JmhRunner.Forks fork(BenchCase c) throws IOException, RunnerException;
    }

    private static final class State {
        final BenchCase c;
        ForkSamples samples;
        BenchmarkParams params;
        final List<BenchmarkResult> results = new ArrayList<>();
        ForkSamples baseSamples;
        String baseFailure;
        double relativeHalfWidth = Double.POSITIVE_INFINITY; // kept up to date by fork(): read every round
        int forksFor = Integer.MAX_VALUE;                     // forks its spread needs for the target, likewise
        int verdictForks = Integer.MAX_VALUE;                 // forks it needs to detect a change of WIDEST, likewise
        long spentNanos;
        int calls;
        boolean outOfTime;
        String failure;

        State(BenchCase c) {
            this.c = c;
        }

        int forks() {
            return samples == null ? 0 : samples.forks().size();
        }

        long costPerFork() {
            return calls == 0 ? 0 : spentNanos / calls;
        }
    }

    private final Stopping stopping;
    private final Forker forker;
    private final Forker base; // null: no base build
    private final LongSupplier clock;
    private final Progress progress;
    private String last = "";
    private final List<String> json = new ArrayList<>();
    private final long start;
    private final long deadline;

    AdaptiveMeasurement(Stopping stopping, Duration budget, Forker forker, LongSupplier clock, Progress progress) {
        this(stopping, budget, forker, null, clock, progress);
    }

    /** @param base forks of the base build, or null for none */
    AdaptiveMeasurement(Stopping stopping, Duration budget, Forker forker, Forker base, LongSupplier clock,
                        Progress progress) {
        this.stopping = stopping;
        this.forker = forker;
        this.base = base;
        this.clock = clock;
        this.progress = progress;
        this.start = clock.getAsLong();
        // a budget of centuries is "no budget", not an overflow
        this.deadline = start + Math.min(budget.toSeconds(), 100L * 365 * 24 * 3600) * 1_000_000_000L;
    }

    public static Result run(List<BenchCase> cases, Profile profile, Duration budget, RunDirectory run,
                             Progress progress) throws IOException {
        return run(cases, profile, Stopping.of(profile), budget, run, progress);
    }

    /** The profile's warm-up and measurement per fork, with other stopping rules (calibrate's). */
    public static Result run(List<BenchCase> cases, Profile profile, Stopping stopping, Duration budget,
                             RunDirectory run, Progress progress) throws IOException {
        return run(cases, profile, stopping, budget, run, progress, java.util.Optional.empty(), java.util.Optional.empty());
    }

    /**
     * As above, each fork paired with one of {@code base}'s when given ({@link Stopping#paired} is
     * the caller's); this build's forks run from {@code self}'s class path when given, else from
     * this JVM's.
     */
    public static Result run(List<BenchCase> cases, Profile profile, Stopping stopping, Duration budget,
                             RunDirectory run, Progress progress, java.util.Optional<Build> base,
                             java.util.Optional<Build> self) throws IOException {
        Forker other = base.map(b -> forker(java.util.Optional.of(b), profile, run)).orElse(null);
        return new AdaptiveMeasurement(stopping, budget, forker(self, profile, run), other, System::nanoTime, progress)
                .measure(cases);
    }

    private static Forker forker(java.util.Optional<Build> build, Profile profile, RunDirectory run) {
        Forker jmh = c -> JmhRunner.run(c, profile, 1, run.resolve(".jmh-part.json"), run.resolve("jmh.log"));
        return build.<Forker>map(b -> c -> b.run(() -> jmh.fork(c))).orElse(jmh);
    }

    Result measure(List<BenchCase> cases) throws IOException {
        List<State> states = cases.stream().map(State::new).toList();
        boolean tooSmall = false;
        for (int round = 1; round <= stopping.minForks() && !tooSmall; round++) {
            report("round " + round + " of " + stopping.minForks() + " (every row)", states, true);
            for (int i = 0; i < states.size(); i++) {
                State s = states.get((i + round - 1) % states.size()); // rotate: no row always runs first
                if (s.failure != null) {
                    continue;
                }
                long estimate = s.calls > 0 ? s.costPerFork() : averageCost(states);
                if (clock.getAsLong() + estimate > deadline) {
                    tooSmall = true;
                    break;
                }
                fork(s);
                report("round " + round + " of " + stopping.minForks() + " (every row)", states, false);
            }
        }
        for (int round = stopping.minForks() + 1; !tooSmall; round++) {
            List<State> active = active(states);
            if (active.isEmpty()) {
                break;
            }
            long open = states.stream().filter(s -> !finished(s)).count();
            report("round " + round + ": forks for " + active.size() + " of the " + open + " row(s) still wider than ±"
                    + percent(stopping.targetHalfWidth()), states, true);
            for (State s : active) {
                if (clock.getAsLong() + s.costPerFork() > deadline) {
                    s.outOfTime = true; // time only moves on: this row gets no more forks
                    continue;
                }
                fork(s);
                report("round " + round, states, false);
            }
        }
        Map<BenchCase, ForkSamples> byCase = new LinkedHashMap<>();
        states.stream().filter(s -> s.samples != null).forEach(s -> byCase.put(s.c, s.samples));
        int forks = states.stream().mapToInt(State::forks).sum();
        List<String> failures = states.stream().filter(s -> s.failure != null)
                .map(s -> s.c.label() + ": " + s.failure).toList();
        // one JMH result per row with all its forks, as one JMH call of that many forks would have returned
        List<RunResult> rows = states.stream().filter(s -> s.params != null)
                .map(s -> new RunResult(s.params, s.results)).toList();
        Map<BenchCase, ForkSamples> baseByCase = new LinkedHashMap<>();
        states.stream().filter(s -> s.baseSamples != null).forEach(s -> baseByCase.put(s.c, s.baseSamples));
        List<String> baseFailures = states.stream().filter(s -> s.baseFailure != null)
                .map(s -> s.c.label() + ": " + s.baseFailure).toList();
        return new Result(byCase, List.copyOf(json), forks, Duration.ofNanos(clock.getAsLong() - start), tooSmall,
                failures, rows, baseByCase, baseFailures);
    }

    /**
     * The unfinished cases that get a fork this round. First those that can be brought to the
     * target in the time left, cheapest first; then, likewise, those still too blind for a
     * verdict that can be brought to see a 50% change. When none can, those whose spread says they
     * can converge within the profile's maximum of forks, if more time than is left (their
     * estimate, from few forks, may be pessimistic: more forks tell), each with an equal share
     * of the budget the others left; and when none of those are left either, every unfinished
     * case, with an equal share of what finished cases left. All of it is recomputed every
     * round, so a case held back now gets forks again when others converge and free their time.
     */
    private List<State> active(List<State> states) {
        List<State> open = states.stream().filter(s -> !finished(s)).toList();
        if (open.isEmpty()) {
            return open;
        }
        List<State> reachable = cheapestFirst(open, this::canConverge, AdaptiveMeasurement::costToConverge);
        if (!reachable.isEmpty()) {
            return reachable;
        }
        List<State> unblinded = cheapestFirst(open, this::canBeUnblinded, AdaptiveMeasurement::costToUnblind);
        if (!unblinded.isEmpty()) {
            return unblinded;
        }
        List<State> convergeable = affordable(states, open.stream().filter(this::canConverge).toList());
        return convergeable.isEmpty() ? affordable(states, open) : convergeable;
    }

    /**
     * The cases of {@code pool} that can afford a fork from an equal share of the budget that
     * the cases outside the pool left.
     */
    private List<State> affordable(List<State> states, List<State> pool) {
        if (pool.isEmpty()) {
            return pool;
        }
        java.util.Set<State> in = new java.util.HashSet<>(pool);
        long spentOutside = states.stream().filter(s -> !in.contains(s)).mapToLong(s -> s.spentNanos).sum();
        long share = (deadline - start - spentOutside) / pool.size();
        return pool.stream().filter(s -> s.spentNanos + s.costPerFork() <= share).toList();
    }

    /** Whether the case's spread says it reaches the target within the profile's maximum of forks. */
    private boolean canConverge(State s) {
        return s.forksFor != Integer.MAX_VALUE && s.forksFor <= stopping.maxForks();
    }

    /**
     * The open cases that {@code wanted} picks and whose remaining forks ({@code cost}), cheapest
     * first, fit in the time left; in case order, so the funded rows still interleave. Taking the
     * cheapest first brings the most rows to the goal.
     */
    private List<State> cheapestFirst(List<State> open, java.util.function.Predicate<State> wanted,
                                      java.util.function.ToLongFunction<State> cost) {
        long left = deadline - clock.getAsLong();
        List<State> byCost = open.stream().filter(wanted)
                .sorted(java.util.Comparator.comparingLong(cost)).toList();
        java.util.Set<State> funded = new java.util.HashSet<>();
        long committed = 0;
        for (State s : byCost) {
            long c = cost.applyAsLong(s);
            if (committed + c > left) {
                break;
            }
            committed += c;
            funded.add(s);
        }
        return open.stream().filter(funded::contains).toList();
    }

    /**
     * Whether the case is still too blind for a verdict ({@link DetectableEffect#WIDEST}: it
     * could not detect a 50% change at its spread with the forks it has) and would see that far
     * within the profile's maximum. Not with a target of 0 (calibrate), whose rows share the
     * budget evenly.
     */
    private boolean canBeUnblinded(State s) {
        return stopping.targetHalfWidth() > 0 && s.verdictForks != Integer.MAX_VALUE
                && s.verdictForks > s.forks() && s.verdictForks <= stopping.maxForks();
    }

    private static long costToUnblind(State s) {
        return (long) (s.verdictForks - s.forks()) * s.costPerFork();
    }

    /** The forks a case still needs for the target at its spread (one at least), times its cost per fork. */
    private static long costToConverge(State s) {
        return Math.max(1, s.forksFor - s.forks()) * s.costPerFork();
    }

    private boolean finished(State s) {
        return s.failure != null || s.outOfTime || s.forks() >= stopping.maxForks() || precise(s);
    }

    private boolean precise(State s) {
        return s.forks() >= stopping.minForks() && s.relativeHalfWidth <= stopping.targetHalfWidth();
    }

    private static long averageCost(List<State> states) {
        long spent = states.stream().mapToLong(s -> s.spentNanos).sum();
        int calls = states.stream().mapToInt(s -> s.calls).sum();
        return calls == 0 ? 0 : spent / calls;
    }

    /**
     * One fork, or with a base build one pair, base first on every other call; a fork of this
     * build that fails ends that row's measuring, not the run's, and one of the base build ends
     * the row's base side.
     */
    private void fork(State s) throws IOException {
        long t0 = clock.getAsLong();
        last = s.c.label();
        boolean paired = base != null && s.baseFailure == null;
        try {
            if (paired && s.calls % 2 == 1) {
                forkBase(s);
            }
            forkThis(s);
            if (paired && s.calls % 2 == 0) {
                forkBase(s);
            }
            precision(s);
        } catch (RunnerException | RuntimeException e) {
            s.failure = firstLine(e);
            progress.note("[jmh] a fork of " + s.c.label() + " failed, no more forks for it: " + s.failure);
        } finally {
            s.spentNanos += clock.getAsLong() - t0;
            s.calls++;
        }
    }

    private void forkThis(State s) throws IOException, RunnerException {
        JmhRunner.Forks result = forker.fork(s.c);
        if (result.samples().isEmpty()) { // also keeps a night's pairs in step: fork i of each side ran together
            throw new IllegalStateException("the fork gave no measurement");
        }
        json.add(result.jsonElements());
        for (RunResult r : result.results()) {
            s.params = s.params == null ? r.getParams() : s.params;
            s.results.addAll(r.getBenchmarkResults());
        }
        result.samples().ifPresent(more -> s.samples = s.samples == null ? more : s.samples.plus(more));
    }

    private void forkBase(State s) throws IOException {
        try {
            ForkSamples more = base.fork(s.c).samples()
                    .orElseThrow(() -> new IllegalStateException("the fork gave no measurement"));
            s.baseSamples = s.baseSamples == null ? more : s.baseSamples.plus(more);
        } catch (RunnerException | RuntimeException e) {
            s.baseFailure = firstLine(e);
            progress.note("[jmh] a fork of the base build's " + s.c.label() + " failed, no more base forks for it: "
                    + s.baseFailure);
        }
    }

    /** The case's relative half-width and the forks it needs: the wider side's, with a base build. */
    private void precision(State s) {
        if (s.forks() < 2) {
            return;
        }
        Summary mine = Summary.of(s.samples.forkMeans());
        s.relativeHalfWidth = mine.relativeHalfWidth();
        s.forksFor = mine.forksFor(stopping.targetHalfWidth());
        List<double[]> sides = List.of(s.samples.forkMeans());
        if (base != null && s.baseFailure == null) {
            if (s.baseSamples == null || s.baseSamples.forks().size() < 2) {
                s.relativeHalfWidth = Double.POSITIVE_INFINITY;
                return;
            }
            Summary theirs = Summary.of(s.baseSamples.forkMeans());
            s.relativeHalfWidth = Math.max(s.relativeHalfWidth, theirs.relativeHalfWidth());
            s.forksFor = Math.max(s.forksFor, theirs.forksFor(stopping.targetHalfWidth()));
            sides = List.of(s.samples.forkMeans(), s.baseSamples.forkMeans());
        }
        s.verdictForks = s.forks() < 3 ? Integer.MAX_VALUE : forksToSee(sides);
    }

    /**
     * The fewest forks a side (up to the profile's maximum) at which forks that spread as these
     * do could detect a change of {@link DetectableEffect#WIDEST}; {@link Integer#MAX_VALUE} when
     * none would. Tonight's spread, for where tonight's forks go; a verdict's own band is drawn from
     * nights before tonight ({@link RowSpreads}).
     */
    private int forksToSee(List<double[]> sides) {
        java.util.OptionalDouble spread = DetectableEffect.pooledLogSpread(sides);
        if (spread.isEmpty() || !Double.isFinite(spread.getAsDouble())) {
            return Integer.MAX_VALUE;
        }
        for (int n = 2; n <= stopping.maxForks(); n++) {
            if (DetectableEffect.of(spread.getAsDouble(), n, n) <= DetectableEffect.WIDEST) {
                return n;
            }
        }
        return Integer.MAX_VALUE;
    }

    private static String firstLine(Exception e) {
        return String.valueOf(e.getMessage()).lines().findFirst().orElse(e.getClass().getSimpleName());
    }

    /**
     * A note when a round starts; after each fork, the progress line: the share of the budget
     * spent, the time left, the forks and rows done, and the row measured last.
     */
    private void report(String what, List<State> states, boolean roundStarts) {
        long now = clock.getAsLong();
        long precise = states.stream().filter(this::precise).count();
        int forks = states.stream().mapToInt(State::forks).sum();
        if (roundStarts) {
            progress.note(String.format(Locale.ROOT, "[%s of %s] %s; %d forks so far, %d of %d rows within ±%s",
                    minutes(now - start), minutes(deadline - start), what, forks, precise, states.size(),
                    percent(stopping.targetHalfWidth())));
            return;
        }
        double share = Math.min(1, (now - start) / (double) Math.max(1, deadline - start));
        int filled = (int) Math.round(20 * share);
        progress.update(String.format(Locale.ROOT, "[%s%s] %3.0f%%  %s left  %s  %d forks  %d/%d rows ±%s  last: %s",
                "#".repeat(filled), ".".repeat(20 - filled), 100 * share, minutes(deadline - now), what, forks,
                precise, states.size(), percent(stopping.targetHalfWidth()), last));
    }

    private static String minutes(long nanos) {
        long s = Math.max(0, nanos / 1_000_000_000L);
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    private static String percent(double v) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * v);
    }
}
