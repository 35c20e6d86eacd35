package racebench.bench;

import org.openjdk.jmh.runner.RunnerException;
import racebench.report.RunDirectory;
import racebench.stats.Summary;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Forks until precise or out of time (Laaber et al., FSE 2020, stop a benchmark once its
 * relative CI width settles). Every case first gets the profile's minimum forks, one fork per
 * case per round so that a slow spell of the machine spreads over all rows rather than
 * hitting one (interleaved trials, Abedi and Brecht, ICPE 2017). Then, round by round, each
 * case whose 95% interval is still wider than the target gets one more fork, until it
 * converges, reaches the profile's maximum, or has spent its share of the budget. A case's
 * share is the budget not spent by finished cases, split evenly among the unfinished ones, so
 * time freed by quick convergers goes to the noisy rows, and one hopeless row (a child JVM per
 * task of 32 tasks) cannot starve the rest.
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
    }

    /** What was measured, and what was not reached. */
    public record Result(List<ForkSamples> samples, List<String> jsonElements, int forks, Duration took,
                         boolean budgetTooSmall, java.util.Map<BenchCase, ForkSamples> byCase) {
    }

    private static final class State {
        final BenchCase c;
        ForkSamples samples;
        long spentNanos;
        int calls;
        boolean exhausted;

        State(BenchCase c) {
            this.c = c;
        }

        int forks() {
            return samples == null ? 0 : samples.forks().size();
        }

        double relativeHalfWidth() {
            return forks() < 2 ? Double.POSITIVE_INFINITY : Summary.of(samples.forkMeans()).relativeHalfWidth();
        }

        long costPerFork() {
            return calls == 0 ? 0 : spentNanos / calls;
        }
    }

    private final Profile profile;
    private final Stopping stopping;
    private final RunDirectory run;
    private final Consumer<String> progress;
    private final List<String> json = new ArrayList<>();
    private final long start = System.nanoTime();
    private final long deadline;
    private long lastReport = start;

    private AdaptiveMeasurement(Profile profile, Stopping stopping, Duration budget, RunDirectory run,
                                Consumer<String> progress) {
        this.profile = profile;
        this.stopping = stopping;
        this.run = run;
        this.progress = progress;
        this.deadline = start + budget.toNanos();
    }

    public static Result run(List<BenchCase> cases, Profile profile, Duration budget, RunDirectory run,
                             Consumer<String> progress) throws IOException, RunnerException {
        return run(cases, profile, Stopping.of(profile), budget, run, progress);
    }

    /** The profile's warm-up and measurement per fork, with other stopping rules (calibrate's). */
    public static Result run(List<BenchCase> cases, Profile profile, Stopping stopping, Duration budget,
                             RunDirectory run, Consumer<String> progress) throws IOException, RunnerException {
        return new AdaptiveMeasurement(profile, stopping, budget, run, progress).measure(cases);
    }

    private Result measure(List<BenchCase> cases) throws IOException, RunnerException {
        List<State> states = cases.stream().map(State::new).toList();
        boolean tooSmall = false;
        for (int round = 1; round <= stopping.minForks() && !tooSmall; round++) {
            report("round " + round + " of " + stopping.minForks() + " (every row)", states, true);
            for (int i = 0; i < states.size(); i++) {
                State s = states.get((i + round - 1) % states.size()); // rotate: no row always runs first
                if (round > 1 && System.nanoTime() + s.costPerFork() > deadline) {
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
            report("round " + round + ": " + active.size() + " row(s) still wider than ±"
                    + percent(stopping.targetHalfWidth()), states, true);
            for (State s : active) {
                if (System.nanoTime() + s.costPerFork() > deadline) {
                    s.exhausted = true;
                    continue;
                }
                fork(s);
                report("round " + round, states, false);
            }
        }
        List<ForkSamples> samples = states.stream().filter(s -> s.samples != null).map(s -> s.samples).toList();
        int forks = states.stream().mapToInt(State::forks).sum();
        java.util.Map<BenchCase, ForkSamples> byCase = new java.util.LinkedHashMap<>();
        states.stream().filter(s -> s.samples != null).forEach(s -> byCase.put(s.c, s.samples));
        return new Result(samples, List.copyOf(json), forks, Duration.ofNanos(System.nanoTime() - start), tooSmall,
                byCase);
    }

    /** Unfinished cases that may still spend: a share of what finished cases left of the budget. */
    private List<State> active(List<State> states) {
        List<State> open = states.stream().filter(s -> !finished(s)).toList();
        long budget = deadline - start;
        long spentByFinished = states.stream().filter(this::finished).mapToLong(s -> s.spentNanos).sum();
        long share = open.isEmpty() ? 0 : (budget - spentByFinished) / open.size();
        for (State s : open) {
            if (s.spentNanos + s.costPerFork() > share) {
                s.exhausted = true;
            }
        }
        return states.stream().filter(s -> !finished(s)).toList();
    }

    private boolean finished(State s) {
        return s.exhausted || s.forks() >= stopping.maxForks() || precise(s);
    }

    private boolean precise(State s) {
        return s.forks() >= stopping.minForks() && s.relativeHalfWidth() <= stopping.targetHalfWidth();
    }

    private void fork(State s) throws IOException, RunnerException {
        long t0 = System.nanoTime();
        JmhRunner.Forks result = JmhRunner.run(s.c, profile, 1, run.resolve(".jmh-part.json"), run.resolve("jmh.log"));
        s.spentNanos += System.nanoTime() - t0;
        s.calls++;
        json.add(result.jsonElements());
        result.samples().ifPresent(more -> s.samples = s.samples == null ? more : s.samples.plus(more));
    }

    /** A progress line when a round starts, and at most every 10 s within one. */
    private void report(String what, List<State> states, boolean force) {
        long now = System.nanoTime();
        if (!force && now - lastReport < 10_000_000_000L) {
            return;
        }
        lastReport = now;
        long precise = states.stream().filter(this::precise).count();
        int forks = states.stream().mapToInt(State::forks).sum();
        progress.accept(String.format(Locale.ROOT, "[%s of %s] %s; %d forks so far, %d of %d rows within ±%s",
                minutes(now - start), minutes(deadline - start), what, forks, precise, states.size(),
                percent(stopping.targetHalfWidth())));
    }

    private static String minutes(long nanos) {
        long s = Math.max(0, nanos / 1_000_000_000L);
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    private static String percent(double v) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * v);
    }
}
