package racebench.race;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleSupplier;

/**
 * What the rounds of one race run have shown: their outcome rows, each test's stress time per
 * configuration, and what starting a fork costs; and the loop that looks at it and runs the
 * rounds {@link ProofFunding} says a verdict still lacks. The race suite runs rounds through
 * jcstress; a simulation runs them through known rates.
 */
public final class RaceEvidence {

    /** Runs one round and returns its rows and the seconds it took. */
    @FunctionalInterface
    public interface RoundRunner {
        Ran run(ProofFunding.Round round) throws IOException, InterruptedException, JcstressRunner.JcstressFailure;
    }

    /** A round's rows and its wall-clock seconds. */
    public record Ran(List<OutcomeRow> rows, double seconds) {
    }

    private final StressMode mode;
    private final Integer timeMillis;
    private final Integer iterations;
    private final String userCounter;
    private final List<OutcomeRow> rows = new ArrayList<>();
    private final Map<String, Double> stressSeconds = new HashMap<>();
    private final Map<String, Double> stressPerSetting = new HashMap<>();
    private final Set<String> retried = new HashSet<>();
    private final Map<String, Integer> forksSoFar = new HashMap<>();
    private double wallSeconds;
    private double stressTotal;
    private long forks;
    private int rounds;

    /**
     * @param timeMillis  jcstress's time per iteration the run was asked for, or null for the mode's
     * @param iterations  jcstress's iterations per fork the run was asked for, or null for the mode's
     * @param userCounter the user's counter class, or null
     */
    public RaceEvidence(StressMode mode, Integer timeMillis, Integer iterations, String userCounter) {
        this.mode = mode;
        this.timeMillis = timeMillis;
        this.iterations = iterations;
        this.userCounter = userCounter;
    }

    /** Adds a round's rows, and what it cost on the wall clock. */
    public void add(ProofFunding.Round round, List<OutcomeRow> roundRows, double seconds) {
        List<OutcomeRow> got = numbered(roundRows);
        wallSeconds += seconds;
        rounds++;
        if (round.suffix().equals(ProofFunding.RETRY)) {
            retried.addAll(round.tests());
        }
        double perConfiguration = round.secondsPerConfiguration(mode);
        if (perConfiguration > 0) {
            Map<String, Set<String>> configurations = new HashMap<>();
            got.forEach(r -> configurations.computeIfAbsent(r.test(), t -> new HashSet<>()).add(r.setting()));
            configurations.forEach((test, c) -> stressSeconds.merge(test, c.size() * perConfiguration, Double::sum));
            round.tests().forEach(t -> stressPerSetting.merge(t, perConfiguration, Double::sum));
            long started = got.stream().map(r -> r.test() + " " + r.configuration()).distinct().count();
            forks += started;
            stressTotal += started * perConfiguration / round.forksPerConfiguration(mode);
        }
        rows.addAll(got);
    }

    /**
     * The round's rows with their fork numbers continued from the earlier rounds' in the same
     * test and configuration, so that every fork of a run has a number of its own.
     */
    private List<OutcomeRow> numbered(List<OutcomeRow> roundRows) {
        Map<String, Integer> renumbered = new HashMap<>();
        List<OutcomeRow> out = new ArrayList<>(roundRows.size());
        for (OutcomeRow r : roundRows) {
            String fork = r.test() + " | " + r.configuration();
            Integer number = renumbered.get(fork);
            if (number == null) {
                number = forksSoFar.merge(r.test() + " | " + r.setting(), 1, Integer::sum) - 1;
                renumbered.put(fork, number);
            }
            out.add(new OutcomeRow(r.test(), r.compilation(), r.jvmArgs(), number, r.status(), r.outcome(), r.expect(),
                    r.count(), r.description()));
        }
        return out;
    }

    /**
     * Looks at the evidence and runs what it still lacks, until every verdict is settled, the
     * time is spent, or {@link ProofFunding#MAX_LOOKS} looks have run rounds.
     *
     * @param secondsLeft what is left of the budget at each look (infinite without one)
     * @param retry       whether an unreproduced racy variant gets a second round
     * @return why it stopped
     */
    public String adapt(DoubleSupplier secondsLeft, boolean retry, RoundRunner runner)
            throws IOException, InterruptedException, JcstressRunner.JcstressFailure {
        for (int look = 1; ; look++) {
            ProofFunding.Plan plan = ProofFunding.next(evidence(secondsLeft.getAsDouble()));
            if (!retry) {
                List<ProofFunding.Round> kept = plan.rounds().stream()
                        .filter(r -> !r.suffix().equals(ProofFunding.RETRY)).toList();
                plan = new ProofFunding.Plan(kept, kept.isEmpty() && plan.stop().isEmpty()
                        ? "a racy variant is unreproduced and --no-retry is set" : plan.stop());
            }
            if (plan.done()) {
                return plan.stop();
            }
            if (look > ProofFunding.MAX_LOOKS) {
                return "the last of " + ProofFunding.MAX_LOOKS + " looks is spent";
            }
            for (ProofFunding.Round round : plan.rounds()) {
                Ran ran = runner.run(round);
                add(round, ran.rows(), ran.seconds());
            }
        }
    }

    /** The evidence {@link ProofFunding#next} weighs, with this much of the budget left. */
    public ProofFunding.Evidence evidence(double secondsLeft) {
        double perFork = forks == 0 ? 1 : Math.max(0, (wallSeconds - stressTotal) / forks);
        int twinIterations = Math.max(2, (iterations != null ? iterations : mode.iterations()) / 2);
        return new ProofFunding.Evidence(verdicts(), stressPerSetting, settings(), perFork, secondsLeft, retried, mode,
                timeMillis, twinIterations);
    }

    /** Each test's number of configurations so far. */
    private Map<String, Integer> settings() {
        Map<String, Set<String>> byTest = new HashMap<>();
        rows.forEach(r -> byTest.computeIfAbsent(r.test(), t -> new HashSet<>()).add(r.setting()));
        Map<String, Integer> counts = new HashMap<>();
        byTest.forEach((t, s) -> counts.put(t, s.size()));
        return counts;
    }

    public List<VariantResult> verdicts() {
        return Verdicts.summarize(rows, userCounter, stressSeconds);
    }

    public List<OutcomeRow> rows() {
        return rows;
    }

    public int rounds() {
        return rounds;
    }
}
