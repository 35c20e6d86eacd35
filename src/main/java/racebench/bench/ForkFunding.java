package racebench.bench;

import racebench.stats.DetectableEffect;
import racebench.stats.Summary;

import java.util.List;
import java.util.function.LongSupplier;

/**
 * Which cases of a run get the next round's forks ({@link AdaptiveMeasurement}). Rows are funded
 * toward goals in order; within a goal, cheapest first (the forks a row still needs times its cost
 * per fork) while they fit in the time left, which brings the most rows to the goal a budget can.
 * With a base build (a nightly, whose rows are judged and may raise alarms) the goals are: the
 * primary rows' alarm (the pairs that catch a 10% change at their bar, up to the maximum, from the
 * larger of their spread before this run and this run's), a verdict for the rows too blind to see a
 * 50% change ({@link DetectableEffect#WIDEST}; up to {@link Profile#maxForksToSee}), the other rows'
 * alarm, then ±2%. Without one (a bench run): ±2%, then a verdict. When no goal fits in the time
 * left, the rows that could still converge within the maximum share what is left evenly, then
 * every unfinished row does, so one costly row cannot starve the rest. The primary rows come first
 * because they answer the question the suite exists for.
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
        Goal primary = new Goal(this::primaryShort, ForkFunding::costToPrimary,
                "primary rows short of the pairs to catch a " + percent(DetectableEffect.ALARM_CHANGE) + " change");
        this.goals = alarms ? List.of(primary, verdict, alarm, precision) : List.of(precision, verdict);
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

    /** A primary row, measured beside a base build, with fewer pairs than its alarm needs (up to the maximum). */
    private boolean primaryShort(RowState s) {
        return stopping.targetHalfWidth() > 0 && s.primary && s.primaryForks > s.forks();
    }

    private static long costToPrimary(RowState s) {
        return (long) (s.primaryForks - s.forks()) * s.costPerFork();
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
        if (s.failure != null || s.outOfTime || precise(s) && !canBeArmed(s) && !primaryShort(s)) {
            return true;
        }
        boolean seeing = canBeUnblinded(s) && costToUnblind(s) <= deadline - clock.getAsLong();
        return s.forks() >= (seeing ? stopping.maxForksToSee() : stopping.maxForks());
    }

    boolean precise(RowState s) {
        return s.forks() >= stopping.minForks() && s.relativeHalfWidth <= stopping.targetHalfWidth();
    }
}
