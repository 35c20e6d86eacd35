package racebench.nightly;

import java.time.Duration;

/**
 * The nightly's own numbers, in one place: how many past nights its baseline and calibrate
 * draw on, what a night keeps back from its budget, and when its race suite runs in quick
 * mode. How rows are funded is {@link racebench.bench.FundingPolicy}; how they are judged,
 * {@link racebench.stats.Comparison.Criteria} and {@link racebench.stats.AlarmBudget}.
 *
 * @param baselineRuns     complete nights of this machine and settings a night's baseline is drawn from
 *                         ({@code --baseline-runs}'s default), and calibrate's simulated nights are sized by
 * @param candidatesPerRun past nights read per baseline night: room for {@link MachineCheck} to pass over
 *                         nights of another machine and still find {@code baselineRuns} comparable ones
 * @param reserve          the part of the budget kept for analysis, the comparison and writing files
 * @param quickRaceNeeds   the smallest budget whose race suite runs in jcstress's quick mode; below it, sanity
 */
public record NightlyPolicy(int baselineRuns, int candidatesPerRun, Duration reserve, Duration quickRaceNeeds) {
    /** {@code --baseline-runs}'s default (a constant, for the command's annotation). */
    public static final int BASELINE_RUNS = 5;
    /** The policy every nightly runs by. */
    public static final NightlyPolicy DEFAULT = new NightlyPolicy(BASELINE_RUNS, 4, Duration.ofSeconds(45),
            Duration.ofMinutes(20));

    /** How many past nights to read to find {@code runs} baseline nights. */
    public int candidates(int runs) {
        return candidatesPerRun * runs;
    }
}
