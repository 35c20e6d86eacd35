package racebench.bench;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.RunnerException;
import racebench.results.Progress;
import racebench.results.RunDirectory;
import racebench.stats.AlarmBudget;
import racebench.stats.Comparison;

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
 * converges, reaches the profile's maximum (a larger one for a row too blind for a verdict,
 * {@link Stopping#maxForksToSee}), or runs out of time.
 *
 * <p>Which cases get those forks, and in what order: {@link ForkFunding}.
 *
 * <p>With a base build ({@link Build}: a nightly's last accepted one) every fork of a case is a
 * pair, one fork of each build back to back, in alternating order (ABBA, so neither build
 * always runs first), and a case is precise when both sides are, so that the machine's drift
 * over the run reaches both builds alike.
 */
public final class AdaptiveMeasurement {
    /**
     * When a case stops getting forks: it has {@code minForks} and its relative 95% half-width
     * is at most {@code targetHalfWidth}, or it has {@code maxForks}, or, while it is too blind
     * for a verdict and the forks that would let it see fit in the time left, {@code maxForksToSee}
     * ({@link ForkFunding}). A target of 0 never converges: every case gets forks until the
     * maximum or the budget.
     *
     * @param maxForksToSee the most forks a row still too blind for a verdict may get to see a 50%
     *                      change; at least {@code maxForks}
     */
    public record Stopping(int minForks, int maxForks, double targetHalfWidth, int maxForksToSee) {
        public Stopping {
            if (minForks < 1 || maxForks < minForks || !(targetHalfWidth >= 0) || maxForksToSee < maxForks) {
                throw new IllegalArgumentException("forks " + minForks + " to " + maxForks + " (" + maxForksToSee
                        + " to see a 50% change), target " + targetHalfWidth);
            }
        }

        public Stopping(int minForks, int maxForks, double targetHalfWidth) {
            this(minForks, maxForks, targetHalfWidth, maxForks);
        }

        public static Stopping of(Profile profile) {
            return new Stopping(profile.minForks(), profile.maxForks(), profile.targetHalfWidth(),
                    profile.maxForksToSee());
        }

        /**
         * The same budget spent in pairs, one fork of each build: one pair fewer at the minimum
         * (two at least, for an interval) and half the maximum, so a run of pairs has about
         * the forks of a run without.
         */
        public Stopping paired() {
            return new Stopping(Math.max(2, minForks - 1), Math.max(2, maxForks / 2), targetHalfWidth,
                    Math.max(2, maxForksToSee / 2));
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

    private final Stopping stopping;
    private final Forker forker;
    private final Forker base; // null: no base build
    private final LongSupplier clock;
    private final Progress progress;
    private String last = "";
    private final List<String> json = new ArrayList<>();
    private final long start;
    private final long deadline;
    private final ForkFunding funding;
    private Map<RowId, Double> priorSpreads = Map.of();

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
        this.funding = new ForkFunding(stopping, start, deadline, clock, base != null);
    }

    /**
     * The rows' fork spreads in the runs before this one ({@link RowSpreads}): where known, they say how many forks a row needs to see a 50% change, as its
     * verdict will judge it; a row without one is judged by this run's forks.
     */
    AdaptiveMeasurement priorSpreads(Map<RowId, Double> spreads) {
        this.priorSpreads = Map.copyOf(spreads);
        return this;
    }

    public static Result run(List<BenchCase> cases, Profile profile, Duration budget, RunDirectory run,
                             Progress progress) throws IOException {
        return run(cases, profile, Stopping.of(profile), budget, run, progress);
    }

    /** The profile's warm-up and measurement per fork, with other stopping rules (calibrate's). */
    public static Result run(List<BenchCase> cases, Profile profile, Stopping stopping, Duration budget,
                             RunDirectory run, Progress progress) throws IOException {
        return run(cases, profile, stopping, budget, run, progress, java.util.Optional.empty(),
                java.util.Optional.empty(), Map.of());
    }

    /**
     * As above, each fork paired with one of {@code base}'s when given ({@link Stopping#paired} is
     * the caller's); this build's forks run from {@code self}'s class path when given, else from
     * this JVM's; {@code priorSpreads} as {@link #priorSpreads(Map)} takes them (empty: none).
     */
    public static Result run(List<BenchCase> cases, Profile profile, Stopping stopping, Duration budget,
                             RunDirectory run, Progress progress, java.util.Optional<Build> base,
                             java.util.Optional<Build> self, Map<RowId, Double> priorSpreads) throws IOException {
        java.util.Optional<Forker> baseForker = base.isPresent()
                ? java.util.Optional.of(inProcess(base, profile, run)) : java.util.Optional.empty();
        return run(cases, stopping, budget, progress, inProcess(self, profile, run), baseForker, priorSpreads);
    }

    /** As above, with the forks of each side started by the given forkers. */
    static Result run(List<BenchCase> cases, Stopping stopping, Duration budget, Progress progress, Forker self,
                      java.util.Optional<Forker> base, Map<RowId, Double> priorSpreads) throws IOException {
        return new AdaptiveMeasurement(stopping, budget, self, base.orElse(null), System::nanoTime, progress)
                .priorSpreads(priorSpreads)
                .measure(cases);
    }

    /**
     * racebench's own benchmarks in this JVM's JMH, their forks from {@code build}'s class path when
     * given; JMH's JSON of each fork goes to a private temporary directory, never the run's.
     */
    static Forker inProcess(java.util.Optional<Build> build, Profile profile, RunDirectory run) throws IOException {
        java.nio.file.Path scratch = scratch();
        Forker jmh = c -> JmhRunner.run(c, profile, 1, scratch, run.resolve("jmh.log"));
        return build.<Forker>map(b -> c -> b.run(() -> jmh.fork(c))).orElse(jmh);
    }

    /** A user's benchmarks, each fork in a JMH host of the side's own ({@link HostJmh}). */
    static Forker host(Side side, Profile profile, RunDirectory run) throws IOException {
        java.nio.file.Path scratch = scratch();
        return c -> HostJmh.run(c, profile, side, 1, scratch, run.resolve("jmh.log"));
    }

    /** Where a forker's JMH writes a fork's JSON: removed with its directory when the command ends. */
    private static java.nio.file.Path scratch() throws IOException {
        return racebench.process.PrivateFiles.temporaryDir("racebench-jmh-").resolve("fork.json");
    }

    Result measure(List<BenchCase> cases) throws IOException {
        List<RowState> states = states(cases);
        boolean tooSmall = false;
        for (int round = 1; round <= stopping.minForks() && !tooSmall; round++) {
            report("round " + round + " of " + stopping.minForks() + " (every row)", states, true);
            for (int i = 0; i < states.size(); i++) {
                RowState s = states.get((i + round - 1) % states.size()); // rotate: no row always runs first
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
            ForkFunding.Round active = funding.active(states);
            if (active.rows().isEmpty()) {
                break;
            }
            long open = states.stream().filter(s -> !funding.finished(s)).count();
            report("round " + round + ": forks for " + active.rows().size() + " of the " + open
                    + " unfinished row(s): " + active.why(), states, true);
            for (RowState s : active.rows()) {
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
        int forks = states.stream().mapToInt(RowState::forks).sum();
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
     * The cases as rows, each with its alarm's bar: alpha times its share among the rows a nightly
     * then judges together ({@link AlarmBudget}), the primary rows' ({@link Profile#primary}) the larger.
     */
    static List<RowState> states(List<BenchCase> cases) {
        boolean[] primary = new boolean[cases.size()];
        int primaries = 0;
        for (int i = 0; i < cases.size(); i++) {
            primary[i] = Profile.primary(cases.get(i).simpleName(), cases.get(i).params().toString());
            primaries += primary[i] ? 1 : 0;
        }
        List<RowState> states = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            double share = AlarmBudget.DEFAULT.thisRun(primary[i], primaries, cases.size() - primaries, false);
            states.add(new RowState(cases.get(i), primary[i], Comparison.Criteria.DEFAULT_ALPHA * share));
        }
        return states;
    }

    private static long averageCost(List<RowState> states) {
        long spent = states.stream().mapToLong(s -> s.spentNanos).sum();
        int calls = states.stream().mapToInt(s -> s.calls).sum();
        return calls == 0 ? 0 : spent / calls;
    }

    /**
     * One fork, or with a base build one pair, base first on every other call; a fork of this
     * build that fails ends that row's measuring, not the run's, and one of the base build ends
     * the row's base side.
     */
    private void fork(RowState s) throws IOException {
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

    private void forkThis(RowState s) throws IOException, RunnerException {
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

    private void forkBase(RowState s) throws IOException {
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

    /** The case's precision after a fork: the wider side's, with a base build whose side still runs. */
    private void precision(RowState s) {
        s.precision(stopping, base != null && s.baseFailure == null, priorSpreads.get(s.c.id()));
    }

    /** The failure's first line, and what it wraps at the bottom (JMH nests a benchmark's own exception). */
    static String firstLine(Exception e) {
        String top = String.valueOf(e.getMessage()).lines().findFirst().orElse(e.getClass().getSimpleName());
        Throwable root = e;
        for (int depth = 0; depth < 10; depth++) {
            Throwable next = root.getCause() != null ? root.getCause()
                    : root.getSuppressed().length > 0 ? root.getSuppressed()[0] : null;
            if (next == null) {
                break;
            }
            root = next;
        }
        String bottom = root == e ? "" : root.toString().lines().findFirst().orElse("");
        return bottom.isEmpty() || top.contains(bottom) ? top : top + ": " + bottom;
    }

    /**
     * A note when a round starts; after each fork, the progress line: the share of the budget
     * spent, the time left, the forks and rows done, and the row measured last.
     */
    private void report(String what, List<RowState> states, boolean roundStarts) {
        long now = clock.getAsLong();
        long precise = states.stream().filter(funding::precise).count();
        int forks = states.stream().mapToInt(RowState::forks).sum();
        if (roundStarts) {
            progress.note(String.format(Locale.ROOT, "[%s of %s] %s; %d forks so far, %d of %d rows within ±%s",
                    minutes(now - start), minutes(deadline - start), what, forks, precise, states.size(),
                    ForkFunding.percent(stopping.targetHalfWidth())));
            return;
        }
        double share = Math.min(1, (now - start) / (double) Math.max(1, deadline - start));
        int filled = (int) Math.round(20 * share);
        progress.update(String.format(Locale.ROOT, "[%s%s] %3.0f%%  %s left  %s  %d forks  %d/%d rows ±%s  last: %s",
                "#".repeat(filled), ".".repeat(20 - filled), 100 * share, minutes(deadline - now), what, forks,
                precise, states.size(), ForkFunding.percent(stopping.targetHalfWidth()), last));
    }

    private static String minutes(long nanos) {
        long s = Math.max(0, nanos / 1_000_000_000L);
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
