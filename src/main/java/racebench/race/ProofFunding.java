package racebench.race;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where the race suite's next seconds go: after the first rounds, each look at the evidence
 * measures more only what a verdict still lacks. A fix whose twin lost nothing in some
 * configuration (or so little that the fix could not catch up within the budget) gets its twin
 * stressed in more forks; a fix whose bound is merely too wide gets the samples its weakest
 * configuration needs; a proven fix gets nothing. Candidates are taken cheapest first while
 * they fit in what is left of the budget. jcstress selects tests, not configurations, so a
 * round stresses every configuration of the tests it names.
 */
public final class ProofFunding {

    /**
     * How many looks follow the first rounds at most. Few looks keep the number of times a
     * twin's lower bound is read small, and the lower bound honest.
     */
    public static final int MAX_LOOKS = 4;

    /** Forks per configuration of a twin in the first rounds, and added by each extension (times the mode's forks). */
    public static final int TWIN_FORKS = 2;

    /** How much more stress than the estimate a fix's extension gets, against a sample rate that varies by fork. */
    static final double MARGIN = 1.3;

    /**
     * A broken fix (a variant expected to race that is no fix's twin) runs this fraction of the
     * mode's iterations: it loses an update every few hundred samples, so it only has to show it.
     */
    static final int LOUD_SHARE = 5;

    /** A racy variant that showed nothing is stressed once more at this many times the time per iteration. */
    static final int RETRY_TIME_FACTOR = 5;

    /** Iteration counts a fix's extension is rounded up to, so that fixes needing about as much share a jcstress run. */
    private static final int[] ITERATION_STEPS = {1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 96, 128};

    /** The suffix of a racy variant's second round. */
    public static final String RETRY = "-retry";
    static final String TWINS = "-twins";
    static final String MORE = "-more";

    private ProofFunding() {
    }

    /**
     * One jcstress run: these tests, each configuration for this long.
     *
     * @param suffix     names the round's log and report (jcstress{suffix}.log)
     * @param why        one line for the console
     * @param timeMillis jcstress's time per iteration, or null for the mode's
     * @param iterations jcstress's iterations per fork, or null for the mode's
     * @param forks      forks per configuration, or null for the mode's
     */
    public record Round(String suffix, String why, List<String> tests, Integer timeMillis, Integer iterations,
                        Integer forks) {
        /** Stress seconds of one configuration of one test in this round. */
        double secondsPerConfiguration(StressMode mode) {
            int time = timeMillis != null ? timeMillis : mode.timeMillis();
            int iters = iterations != null ? iterations : mode.iterations();
            return time * (double) iters / 1000 * (forks != null ? forks : mode.forks());
        }

        /** Forks per configuration this round starts. */
        int forksPerConfiguration(StressMode mode) {
            return forks != null ? forks : mode.forks();
        }
    }

    /**
     * The first rounds: the twins in {@link #TWIN_FORKS} times the mode's forks, the broken fixes
     * in a fifth of the iterations (they race within microseconds), and everything else (the
     * fixes, the tutorials' plain counter) in half the mode's iterations unless {@code iterations}
     * is given; the looks that follow add what a proof still lacks.
     */
    public static List<Round> first(List<String> tests, StressMode mode, Integer timeMillis, Integer iterations) {
        List<String> twins = tests.stream().filter(t -> tests.stream().anyMatch(f -> t.equals(Verdicts.twinTest(f, tests))))
                .toList();
        int modeIterations = iterations != null ? iterations : mode.iterations();
        int loudIterations = Math.max(1, modeIterations / LOUD_SHARE);
        List<String> loud = loudIterations < modeIterations ? tests.stream()
                .filter(t -> !twins.contains(t) && RaceSuite.isBrokenFix(t)).toList() : List.of();
        List<String> others = tests.stream().filter(t -> !twins.contains(t) && !loud.contains(t)).toList();
        int firstIterations = iterations != null ? iterations : (modeIterations + 1) / 2;
        List<Round> rounds = new ArrayList<>();
        if (!twins.isEmpty()) {
            rounds.add(new Round(TWINS, String.format(Locale.ROOT, "twins, %d forks per configuration",
                    TWIN_FORKS * mode.forks()), twins, timeMillis, Math.max(2, modeIterations / 2),
                    TWIN_FORKS * mode.forks()));
        }
        if (!others.isEmpty()) {
            rounds.add(new Round("", null, others, timeMillis, firstIterations, null));
        }
        if (!loud.isEmpty()) {
            rounds.add(new Round("-broken", String.format(Locale.ROOT,
                    "broken fixes, %d iteration(s) per fork (they race within microseconds)", loudIterations), loud,
                    timeMillis, loudIterations, null));
        }
        return rounds;
    }

    /**
     * What the rounds so far have shown, and what is left to spend.
     *
     * @param verdicts             the verdicts on all rows so far
     * @param stressPerSetting     each test's stress seconds per configuration so far
     * @param settings             each test's number of configurations
     * @param secondsPerForkStart  what a fork costs beyond its stress (JVM start, jcstress's own work), measured so far
     * @param secondsLeft          what is left of the budget (infinite without one)
     * @param retried              racy variants already given their second round
     * @param twinIterations       iterations per fork of a twin's round
     */
    public record Evidence(List<VariantResult> verdicts, Map<String, Double> stressPerSetting,
                           Map<String, Integer> settings, double secondsPerForkStart, double secondsLeft,
                           Set<String> retried, StressMode mode, Integer timeMillis, int twinIterations) {

        int timeMillisOrMode() {
            return timeMillis != null ? timeMillis : mode.timeMillis();
        }
    }

    /**
     * The next look's rounds, or none with the reason the suite stops. {@code stop} is empty
     * when there are rounds to run.
     */
    public record Plan(List<Round> rounds, String stop) {
        public boolean done() {
            return rounds.isEmpty();
        }
    }

    /** The rounds the next look runs; none when every verdict is settled or nothing more fits. */
    public static Plan next(Evidence e) {
        List<Round> rounds = new ArrayList<>();
        List<String> tests = e.verdicts().stream().map(VariantResult::test).toList();
        List<String> retry = e.verdicts().stream().filter(r -> r.verdict() == Verdict.NOT_REPRODUCED)
                .map(VariantResult::test).filter(t -> !e.retried().contains(t)).toList();
        if (!retry.isEmpty()) {
            // a race to reproduce comes first, whatever the budget: it is the suite's first promise
            int time = RETRY_TIME_FACTOR * Math.max(e.timeMillisOrMode(), StressMode.QUICK.timeMillis());
            rounds.add(new Round(RETRY, String.format(Locale.ROOT,
                    "%d racy variant(s) not reproduced yet; one more round at %d ms per iteration", retry.size(), time),
                    retry, time, null, null));
        }
        List<VariantResult> unproven = e.verdicts().stream().filter(r -> r.verdict() == Verdict.SAFE_UNPROVEN
                && r.proof() != null).toList();
        boolean racyLeft = e.verdicts().stream().anyMatch(r -> r.verdict() == Verdict.NOT_REPRODUCED
                && e.retried().contains(r.test()));
        if (unproven.isEmpty()) {
            return new Plan(rounds, rounds.isEmpty() ? (racyLeft ? "every fix is PROVEN; a racy variant stayed "
                    + "unreproduced after its second round" : "every fix is PROVEN and every racy variant REPRODUCED") : "");
        }
        if (!(e.timeMillisOrMode() > 0)) {
            return new Plan(rounds, rounds.isEmpty() ? "sanity mode's one short pass cannot be extended" : "");
        }
        double left = e.secondsLeft() - rounds.stream().mapToDouble(r -> cost(r, e)).sum();
        List<Candidate> candidates = new ArrayList<>();
        Map<String, List<String>> twinsWanted = new LinkedHashMap<>();
        for (VariantResult fix : unproven) {
            Proof proof = fix.proof();
            String twin = Verdicts.twinTest(fix.test(), tests);
            if (twin == null || !e.settings().containsKey(twin) || retry.contains(twin)) {
                continue;
            }
            if (proof.covered() == proof.configurations()) {
                Candidate more = fixExtension(fix, proof, e);
                if (more.cost() <= left) {
                    candidates.add(more);
                    continue;
                }
            }
            // the twin is quiet in some configuration, or too quiet there for the fix to catch up in time
            twinsWanted.computeIfAbsent(twin, t -> new ArrayList<>()).add(Verdicts.simpleName(fix.test()));
        }
        twinsWanted.forEach((twin, fixes) -> {
            Round round = new Round(TWINS, String.format(Locale.ROOT, "%s quiet where %s need(s) it: %d more "
                            + "forks per configuration", Verdicts.simpleName(twin), String.join(", ", fixes),
                    TWIN_FORKS * e.mode().forks()), List.of(twin), e.timeMillis(), e.twinIterations(),
                    TWIN_FORKS * e.mode().forks());
            candidates.add(new Candidate(round, e.twinIterations(), cost(round, e)));
        });
        candidates.sort(Comparator.comparingDouble(Candidate::cost));
        Map<Integer, List<Candidate>> fixRounds = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            if (c.cost() > left) {
                continue;
            }
            left -= c.cost();
            if (c.round().suffix().equals(TWINS)) {
                rounds.add(c.round());
            } else {
                fixRounds.computeIfAbsent(c.iterations(), i -> new ArrayList<>()).add(c);
            }
        }
        fixRounds.forEach((iterations, group) -> rounds.add(new Round(MORE, String.format(Locale.ROOT,
                "%s: %d iteration(s) per fork for the samples %s", String.join(", ", group.stream()
                        .map(c -> Verdicts.simpleName(c.round().tests().get(0))).toList()), iterations,
                group.size() == 1 ? "its weakest configuration needs" : "their weakest configurations need"),
                group.stream().map(c -> c.round().tests().get(0)).toList(), e.timeMillis(), iterations, 1)));
        String stop = rounds.isEmpty() ? String.format(Locale.ROOT, "%s; %d fix(es) still unproven",
                Double.isInfinite(e.secondsLeft()) ? "no round would gain more" : "the budget is spent", unproven.size())
                : "";
        return new Plan(rounds, stop);
    }

    /** One way to spend: a round, its iterations (for grouping) and its estimated seconds. */
    private record Candidate(Round round, int iterations, double cost) {
    }

    /** A fix stressed long enough for its weakest configuration to reach the rule, with a margin. */
    private static Candidate fixExtension(VariantResult fix, Proof proof, Evidence e) {
        double perSetting = e.stressPerSetting().getOrDefault(fix.test(), 0.0);
        double factor = Double.isNaN(proof.needFactor()) ? 2 : proof.needFactor();
        double extraSeconds = perSetting * Math.max(0.5, factor * MARGIN - 1);
        int iterations = stepUp((int) Math.ceil(extraSeconds * 1000 / e.timeMillisOrMode()));
        Round round = new Round(MORE, "", List.of(fix.test()), e.timeMillis(), iterations, 1);
        return new Candidate(round, iterations, cost(round, e));
    }

    /** The smallest iteration step at least {@code n}. */
    static int stepUp(int n) {
        for (int step : ITERATION_STEPS) {
            if (step >= n) {
                return step;
            }
        }
        return n;
    }

    /** Estimated seconds of a round: its forks' stress plus what starting each fork costs. */
    static double cost(Round round, Evidence e) {
        double seconds = 0;
        int most = e.settings().values().stream().mapToInt(Integer::intValue).max().orElse(1);
        for (String test : round.tests()) {
            int settings = e.settings().getOrDefault(test, most);
            seconds += settings * (round.secondsPerConfiguration(e.mode())
                    + round.forksPerConfiguration(e.mode()) * e.secondsPerForkStart());
        }
        return seconds;
    }
}
