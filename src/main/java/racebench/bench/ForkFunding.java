package racebench.bench;

import racebench.stats.DetectableEffect;
import racebench.stats.Summary;

import java.util.List;
import java.util.function.LongSupplier;

/**
 * Which cases of a run get the next round's forks ({@link AdaptiveMeasurement}): first the ones
 * that can still reach the target, cheapest first. Each case's spread says how many forks it needs
 * ({@link Summary#forksFor}); times its cost per fork that is what converging it costs, and cases
 * are funded in order of that cost while it fits in the time left, which brings the most rows to
 * the target a budget can (on this machine the lock, IPC, spawn and thread-local rows need hundreds
 * of forks for ±2% and the strategy rows 6 to 11: under equal shares the hopeless rows spent the
 * forks the others needed). Next, likewise cheapest first, the cases still too blind for a verdict
 * (their forks spread so much that they could not detect a 50% change, {@link DetectableEffect};
 * the spread of the nights before tonight where known, the one the row's verdict is judged at, else
 * tonight's), up to the forks that would let them: on four A/A nights here the IPC round trips, the
 * pool and virtual-thread spawns and two thread-local rows needed 8 to 22 pairs for that (estimated
 * from their forks' spread) and under equal shares got 7, so 13 to 15 of 90 rows were INCONCLUSIVE
 * every night as too blind, while most lock rows could tell a 50% change at 3 pairs. The nightly
 * gives a row up to 40 pairs for it ({@link Profile#maxForksToSee}; other rows stop at 15), beyond
 * which it stays blind. Funded by tonight's spread alone (three A/A nights of 2026-12-06), rows got
 * 8 to 11 pairs that their verdict's band, from the nights before, still found too blind (the round
 * trip through piped streams: 11 pairs, ±61%), and the lock rows went from 7 pairs to 5 or 6 for
 * it. With a base build (a nightly, whose rows are judged and may raise alarms) the order is a
 * verdict first, then an alarm, then ±2%: after the too-blind rows, likewise cheapest first, the
 * cases whose spread says they could not yet catch a 10% change at the alarm's bar, up to the
 * pairs that would let them ({@link DetectableEffect#forksToAlarm}; a precise row too, since ±2%
 * is a precision and the alarm a test at 0.05 over every row). Why: the calibration of 2026-12-06
 * found the CPU rows stopped at ±2% with 4 to 6 pairs and caught 63% of 10% slowdowns, where 7
 * to 15 pairs at their spread catch 95%; and on the first A/A night with this goal placed after
 * the other two (2026-12-06 10:09) ±2% took 6 of the night's 17 minutes beyond the minimum and
 * the alarm 1.6, so the CPU rows got 3 to 12 pairs where their spreads asked for 7 to 15. When
 * none fits in the time left, the cases that could converge within the profile's maximum share
 * what is left evenly, and when none of those are left, every unfinished case does, as
 * before: a case's share is the budget not spent by the others over the cases sharing, so one
 * costly row (a child JVM per task of 32 tasks) cannot starve the rest.
 */
final class ForkFunding {
    private final AdaptiveMeasurement.Stopping stopping;
    private final long start;
    private final long deadline;
    private final LongSupplier clock;
    private final List<Goal> goals;

    /**
     * @param alarms whether the run is measured beside a base build, whose rows are then judged and
     *               may raise alarms: a verdict and an alarm that can catch a 10% change come before
     *               ±2%; without one, ±2% first, then a verdict
     */
    ForkFunding(AdaptiveMeasurement.Stopping stopping, long start, long deadline, LongSupplier clock, boolean alarms) {
        this.stopping = stopping;
        this.start = start;
        this.deadline = deadline;
        this.clock = clock;
        Goal precision = new Goal(s -> canConverge(s) && !precise(s), ForkFunding::costToConverge,
                "can reach ±" + percent(stopping.targetHalfWidth()));
        Goal verdict = new Goal(this::canBeUnblinded, ForkFunding::costToUnblind,
                "too blind for a verdict yet (could not detect a 50% change)");
        Goal alarm = new Goal(this::canBeArmed, ForkFunding::costToArm,
                "could not yet catch a " + percent(DetectableEffect.ALARM_CHANGE) + " change at the alarm's bar");
        this.goals = alarms ? List.of(verdict, alarm, precision) : List.of(precision, verdict);
    }

    /** What a tier of rows is funded for: which rows want it, what reaching it costs a row, and why, for the progress line. */
    private record Goal(java.util.function.Predicate<RowState> wanted, java.util.function.ToLongFunction<RowState> cost,
                        String why) {
    }

    /**
     * The unfinished cases that get a fork this round: those of the first goal any case still
     * wants and can reach in the time left, cheapest first (with a base build: a verdict, to see
     * a 50% change; an alarm, to catch a 10% change; the target. Without: the target, then a
     * verdict). When none can, those whose spread says they can converge
     * within the profile's maximum of forks, if more time than is left (their
     * estimate, from few forks, may be pessimistic: more forks tell), each with an equal share
     * of the budget the others left; and when none of those are left either, every unfinished
     * case, with an equal share of what finished cases left. All of it is recomputed every
     * round, so a case held back now gets forks again when others converge and free their time.
     */
    Round active(List<RowState> states) {
        List<RowState> open = states.stream().filter(s -> !finished(s)).toList();
        if (open.isEmpty()) {
            return new Round(open, "none open");
        }
        for (Goal goal : goals) {
            List<RowState> funded = cheapestFirst(open, goal.wanted(), goal.cost());
            if (!funded.isEmpty()) {
                return new Round(funded, goal.why());
            }
        }
        List<RowState> convergeable = affordable(states, open.stream().filter(this::canConverge).toList());
        return convergeable.isEmpty() ? new Round(affordable(states, open), "an equal share of what is left")
                : new Round(convergeable, "could reach ±" + percent(stopping.targetHalfWidth()) + ", an equal share");
    }

    /** The rows that get a fork this round, and why them, for the progress line. */
    record Round(List<RowState> rows, String why) {
    }

    static String percent(double v) {
        return String.format(java.util.Locale.ROOT, "%.0f%%", 100 * v);
    }

    /**
     * The cases of {@code pool} that can afford a fork from an equal share of the budget that
     * the cases outside the pool left.
     */
    private List<RowState> affordable(List<RowState> states, List<RowState> pool) {
        if (pool.isEmpty()) {
            return pool;
        }
        java.util.Set<RowState> in = new java.util.HashSet<>(pool);
        long spentOutside = states.stream().filter(s -> !in.contains(s)).mapToLong(s -> s.spentNanos).sum();
        long share = (deadline - start - spentOutside) / pool.size();
        return pool.stream().filter(s -> s.spentNanos + s.costPerFork() <= share).toList();
    }

    /** Whether the case's spread says it reaches the target within the profile's maximum of forks. */
    private boolean canConverge(RowState s) {
        return s.forksFor != Integer.MAX_VALUE && s.forksFor <= stopping.maxForks();
    }

    /**
     * The open cases that {@code wanted} picks and whose remaining forks ({@code cost}), cheapest
     * first, fit in the time left; in case order, so the funded rows still interleave. Taking the
     * cheapest first brings the most rows to the goal.
     */
    private List<RowState> cheapestFirst(List<RowState> open, java.util.function.Predicate<RowState> wanted,
                                      java.util.function.ToLongFunction<RowState> cost) {
        long left = deadline - clock.getAsLong();
        List<RowState> byCost = open.stream().filter(wanted)
                .sorted(java.util.Comparator.comparingLong(cost)).toList();
        java.util.Set<RowState> funded = new java.util.HashSet<>();
        long committed = 0;
        for (RowState s : byCost) {
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
     * within {@link AdaptiveMeasurement.Stopping#maxForksToSee}. Not with a target of 0
     * (calibrate), whose rows share the budget evenly.
     */
    private boolean canBeUnblinded(RowState s) {
        return stopping.targetHalfWidth() > 0 && s.verdictForks != Integer.MAX_VALUE && s.verdictForks > s.forks()
                && s.verdictForks <= stopping.maxForksToSee();
    }

    /**
     * Whether the case, measured beside a base build, could not yet catch a change of
     * {@link DetectableEffect#ALARM_CHANGE} at the alarm's bar ({@link DetectableEffect#ofAlarm})
     * and would within the profile's maximum. Not with a target of 0 (calibrate).
     */
    private boolean canBeArmed(RowState s) {
        return stopping.targetHalfWidth() > 0 && s.alarmForks != Integer.MAX_VALUE && s.alarmForks > s.forks()
                && s.alarmForks <= stopping.maxForks();
    }

    private static long costToArm(RowState s) {
        return (long) (s.alarmForks - s.forks()) * s.costPerFork();
    }

    private static long costToUnblind(RowState s) {
        return (long) (s.verdictForks - s.forks()) * s.costPerFork();
    }

    /** The forks a case still needs for the target at its spread (one at least), times its cost per fork. */
    private static long costToConverge(RowState s) {
        return Math.max(1, s.forksFor - s.forks()) * s.costPerFork();
    }

    /**
     * Failed, out of time, precise (and able to catch a 10% change, or never within the
     * maximum), or at the profile's maximum of forks. A row still too blind
     * for a verdict goes on past that maximum only while the forks that would let it see
     * ({@link AdaptiveMeasurement.Stopping#maxForksToSee} at most) fit in the time left: past it,
     * forks that cannot reach a verdict are not spent on it in the equal shares either.
     */
    boolean finished(RowState s) {
        if (s.failure != null || s.outOfTime || precise(s) && !canBeArmed(s)) {
            return true;
        }
        boolean seeing = canBeUnblinded(s) && costToUnblind(s) <= deadline - clock.getAsLong();
        return s.forks() >= (seeing ? stopping.maxForksToSee() : stopping.maxForks());
    }

    boolean precise(RowState s) {
        return s.forks() >= stopping.minForks() && s.relativeHalfWidth <= stopping.targetHalfWidth();
    }
}
