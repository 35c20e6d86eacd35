package racebench.race;

import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import racebench.stats.Proportion;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The adaptive race rounds on simulated runs whose rates are known: eight correct fixes
 * (they never lose an update) and their twin, in fourteen configurations. In nine of them the
 * twin races loudly (1e-3 to 4e-2 per sample); in five (one actor interpreted) its rate this
 * run lies anywhere from 5e-5 to 2e-3 so that many
 * fixes are proved only just, where an overstated twin rate would show; and each fork of the
 * twin races at its own rate around its configuration's, so that a twin stressed more where it
 * looked quiet is a real selection. Rounds
 * are planned by {@link ProofFunding} and judged by {@link Verdicts} exactly as in a real run,
 * against a five-minute budget with real sample rates and fork costs. A PROVEN fix makes a
 * claim about the twin's true rate (its bound lies 100x below it in every configuration); the
 * simulation knows that rate, so it counts how often a PROVEN claim is false.
 */
@Tag("simulation") // hundreds of simulated five-minute runs: about a minute
class ProofSimulationTest {
    private static final String PREFIX = "racebench.stress.LostUpdate.";
    private static final List<String> FIXES = List.of("Synchronized", "ReentrantLocked", "Semaphore", "StampedLocked",
            "Atomic", "CasLoop", "LongAdder", "CallerLocked");
    private static final String TWIN = PREFIX + "RacyVolatile";
    private static final int LOUD = 9;
    private static final int QUIET = 5;
    /** Samples per second of stress in one configuration of a quick run: the twin's and the slowest fix's. */
    private static final double TWIN_SAMPLES_PER_SECOND = 10e6;
    private static final double FIX_SAMPLES_PER_SECOND = 5e6;
    private static final double FORK_START_SECONDS = 0.6;
    /** How much a twin's rate varies from fork to fork within a configuration (log-normal sigma). */
    private static final double FORK_SIGMA = 0.5;
    private static final double BUDGET_SECONDS = 300;

    /** One simulated run: every fix's verdict, and whether each PROVEN claim holds against the true rates. */
    private record Run(int proven, int falseClaims, double seconds) {
    }

    /** One run whose five quiet configurations race at a rate drawn log-uniformly from {@code quietLow} to {@code quietHigh}. */
    private static Run simulate(RandomGenerator random, double quietLow, double quietHigh) throws Exception {
        Map<String, Double> rates = new LinkedHashMap<>();
        for (int c = 0; c < LOUD + QUIET; c++) {
            double low = c < LOUD ? 1e-3 : quietLow;
            double high = c < LOUD ? 4e-2 : quietHigh;
            rates.put("configuration " + c, Math.exp(Math.log(low) + random.nextDouble() * Math.log(high / low)));
        }
        List<String> tests = new ArrayList<>(FIXES.stream().map(f -> PREFIX + f).toList());
        tests.add(TWIN);
        RaceEvidence evidence = new RaceEvidence(StressMode.QUICK, null, null, null);
        double[] clock = {0};
        RaceEvidence.RoundRunner runner = round -> {
            List<OutcomeRow> rows = new ArrayList<>();
            double stressPerFork = round.secondsPerConfiguration(StressMode.QUICK) / round.forksPerConfiguration(StressMode.QUICK);
            for (String test : round.tests()) {
                boolean twin = test.equals(TWIN);
                for (Map.Entry<String, Double> c : rates.entrySet()) {
                    for (int fork = 0; fork < round.forksPerConfiguration(StressMode.QUICK); fork++) {
                        long samples = Math.round(stressPerFork * (twin ? TWIN_SAMPLES_PER_SECOND : FIX_SAMPLES_PER_SECOND));
                        // each fork its own rate around the configuration's (log-normal, sigma 0.5, mean kept)
                        double forkRate = c.getValue() * Math.exp(FORK_SIGMA * random.nextGaussian()
                                - FORK_SIGMA * FORK_SIGMA / 2);
                        long lost = twin ? Math.min(samples, new PoissonDistribution(random, samples * forkRate,
                                PoissonDistribution.DEFAULT_EPSILON, PoissonDistribution.DEFAULT_MAX_ITERATIONS).sample()) : 0;
                        rows.add(new OutcomeRow(test, c.getKey(), "", fork, "NORMAL", "0", "ACCEPTABLE", samples - lost, ""));
                        rows.add(new OutcomeRow(test, c.getKey(), "", fork, "NORMAL", "1", "ACCEPTABLE_INTERESTING", lost, ""));
                    }
                }
            }
            double seconds = rates.size() * round.tests().size() * round.forksPerConfiguration(StressMode.QUICK)
                    * (stressPerFork + FORK_START_SECONDS);
            clock[0] += seconds;
            return new RaceEvidence.Ran(rows, seconds);
        };
        for (ProofFunding.Round round : ProofFunding.first(tests, StressMode.QUICK, null, null)) {
            RaceEvidence.Ran ran = runner.run(round);
            evidence.add(round, ran.rows(), ran.seconds());
        }
        evidence.adapt(() -> BUDGET_SECONDS - clock[0], true, runner);
        int proven = 0;
        int falseClaims = 0;
        for (VariantResult r : evidence.verdicts()) {
            if (r.verdict() != Verdict.PROVEN) {
                continue;
            }
            proven++;
            boolean holds = r.proof().lines().stream().allMatch(line ->
                    line.rate().upperBound() <= rates.get(line.rate().configuration()) / Proof.RULE);
            if (!holds) {
                falseClaims++;
            }
        }
        return new Run(proven, falseClaims, clock[0]);
    }

    @Test
    void aProvenFixIsRarelyAFalseClaimAndMostRunsProveEveryFix() throws Exception {
        int runs = Integer.getInteger("racebench.proofRuns", 1000);
        RandomGenerator random = new Well19937c(20261207);
        int allProven = 0;
        long proven = 0;
        long falseClaims = 0;
        double longest = 0;
        for (int i = 0; i < runs; i++) {
            Run run = simulate(random, 5e-5, 2e-3);
            allProven += run.proven() == FIXES.size() ? 1 : 0;
            proven += run.proven();
            falseClaims += run.falseClaims();
            longest = Math.max(longest, run.seconds());
        }
        double falseRate = (double) falseClaims / proven;
        System.out.printf(Locale.ROOT, "proof simulation: %d runs; every fix PROVEN in %d (%.1f%%, 95%% CI %.1f%% to "
                        + "%.1f%%); %d of %d PROVEN verdicts false against the true rates (%.2f%%, 95%% upper bound "
                        + "%.2f%%); longest run %.0f s of a %.0f s budget%n", runs, allProven, 100.0 * allProven / runs,
                100 * Proportion.lower(allProven, runs, 0.975), 100 * Proportion.upper(allProven, runs, 0.975),
                falseClaims, proven, 100 * falseRate, 100 * Proportion.upper(falseClaims, proven, 0.95), longest,
                BUDGET_SECONDS);
        assertTrue(proven > runs, "the simulation must reach PROVEN verdicts to test them: " + proven);
        assertTrue(falseRate <= 0.05, "PROVEN claims false against the true rates: " + falseClaims + " of " + proven);
    }

    @Test
    void theLooksProveEveryFixWhereTheTwinIsLoudEnoughForFiveMinutes() throws Exception {
        // the quiet configurations at one rate each: how quiet a twin five minutes still proves eight fixes against
        RandomGenerator random = new Well19937c(7);
        int runs = 200;
        StringBuilder table = new StringBuilder("proof simulation, every fix PROVEN by the quiet configurations' rate:");
        double[] share = new double[4];
        double[] quiet = {5e-5, 1e-4, 2e-4, 5e-4};
        for (int q = 0; q < quiet.length; q++) {
            int all = 0;
            for (int i = 0; i < runs; i++) {
                all += simulate(random, quiet[q], quiet[q]).proven() == FIXES.size() ? 1 : 0;
            }
            share[q] = (double) all / runs;
            table.append(String.format(Locale.ROOT, " %.0e: %d of %d;", quiet[q], all, runs));
        }
        System.out.println(table);
        assertTrue(share[3] >= 0.95, "a twin as loud as this machine's proves every fix: " + table);
        assertTrue(share[0] <= 0.05, "a twin twenty times quieter cannot, in five minutes: " + table);
    }
}
