package racebench.race;

import racebench.results.Csv;
import racebench.results.Environment;
import racebench.results.RunDirectory;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Writes a race run's CSV files and prints its verdict table with the evidence behind each verdict. */
public final class RaceReport {
    /** One row per variant and final value: whether the value was possible and whether it was seen. */
    public static final String VALUES_FILE = "race-values.csv";

    private RaceReport() {
    }

    /** Every test's configurations, a fix's beside its twin's rate there. */
    public static List<ConfigurationRate.Line> lines(List<OutcomeRow> rows, List<VariantResult> results) {
        Map<String, Proof> proofs = new LinkedHashMap<>();
        results.forEach(r -> proofs.put(r.test(), r.proof()));
        List<ConfigurationRate.Line> lines = new ArrayList<>();
        Map<String, List<ConfigurationRate.Line>> proved = new LinkedHashMap<>();
        for (ConfigurationRate rate : ConfigurationRate.of(rows)) {
            Proof proof = proofs.get(rate.test());
            if (proof == null) {
                lines.add(new ConfigurationRate.Line(rate, null, null));
            } else if (!proved.containsKey(rate.test())) {
                proved.put(rate.test(), proof.lines());
                lines.addAll(proof.lines());
            }
        }
        return lines;
    }

    public static void write(RunDirectory run, List<OutcomeRow> rows, List<VariantResult> results, Instant end)
            throws IOException {
        Csv.write(run.resolve("race-outcomes.csv"), OutcomeRow.HEADER, rows, OutcomeRow::cells);
        Csv.write(run.resolve("race-configurations.csv"), ConfigurationRate.Line.HEADER, lines(rows, results),
                ConfigurationRate.Line::cells);
        Csv.write(run.resolve("race.csv"), VariantResult.HEADER, results, VariantResult::cells);
        Csv.write(run.resolve(VALUES_FILE), VariantResult.VALUES_HEADER,
                results.stream().flatMap(r -> r.values().stream()).toList(), cells -> cells);
        String home = System.getProperty("racebench.home");
        Environment.write(run.resolve("environment.csv"),
                Environment.facts(home == null ? null : Path.of(home), run.started(), end));
    }

    /**
     * @param stress the run's stress settings, to say which mode would turn SAFE_UNPROVEN into a proof
     */
    public static void print(PrintWriter out, List<OutcomeRow> rows, List<VariantResult> results, Stress stress) {
        out.println();
        int width = Math.max(16, results.stream().mapToInt(r -> r.variant().length()).max().orElse(0));
        String format = "%-" + width + "s %-8s %15s %12s  %-20s %-24s %7s  %s%n";
        out.printf(format, "variant", "expect", "samples", "lost", "lost/sample", "fix's bound vs twin", "configs",
                "verdict");
        for (VariantResult r : results) {
            Proof p = r.proof();
            String rate = r.lostUpdates() > 0 || p == null ? sci(r.rate()) : "< " + sci(r.rateUpperBound()) + " (95%)";
            String sensitivity = p == null ? "" : p.covered() == 0 ? "twin never raced"
                    : String.format(Locale.ROOT, "%s %,.0fx lower", p.weakest() >= Proof.RULE ? ">=" : "only",
                    p.weakest());
            String configs = p == null ? r.racyConfigurations() + "/" + r.configurations()
                    : p.covered() + "/" + p.configurations();
            out.printf(Locale.ROOT, format, r.variant(), r.expect(), String.format(Locale.ROOT, "%,d", r.samples()),
                    String.format(Locale.ROOT, "%,d", r.lostUpdates()), rate, sensitivity, configs, r.verdict());
        }
        out.printf("%nconfigs: where the race showed / configurations; for a fix, where its twin raced. A fix is "
                + "PROVEN when, in every configuration, its 95%% bound lies >= %.0fx below its twin's rate there (the twin's 95%% lower bound).%n",
                Proof.RULE);
        printErrors(out, rows, results);
        printNotSeen(out, results);
        printTimesToRace(out, results);
        printShortfalls(out, results, stress);
        printUserCounter(out, results, stress);
        printRatesPerConfiguration(out, rows, results);
    }

    /** The settings a run stressed with: the mode and any overrides of time and iterations. */
    public record Stress(StressMode mode, Integer timeMillis, Integer iterations) {
        double secondsPerConfiguration() {
            return mode.secondsPerConfiguration(timeMillis, iterations);
        }

        /**
         * The weakest command-line change that gives this many times the samples per
         * configuration: default mode, then more of its one-second iterations (tough mode's ten
         * forks per configuration would take hours for the suite).
         */
        String toReach(double factor) {
            return reach(factor).args();
        }

        Option reach(double factor) {
            double now = secondsPerConfiguration();
            if (!(now > 0)) {
                return new Option("--mode quick or stronger", StressMode.QUICK.secondsPerConfiguration(null, null));
            }
            double target = now * factor * 1.2;   // a fifth more: sample rates vary between runs
            double perIteration = StressMode.DEFAULT.secondsPerConfiguration(null, 1);
            if (mode.ordinal() < StressMode.DEFAULT.ordinal()
                    && StressMode.DEFAULT.secondsPerConfiguration(null, null) >= target) {
                return new Option("--mode default", StressMode.DEFAULT.secondsPerConfiguration(null, null));
            }
            int iterations = (int) Math.ceil(target / perIteration);
            return new Option("--mode default --iterations " + iterations, iterations * perIteration);
        }
    }

    /** Options for race, and the stress time per configuration they give. */
    record Option(String args, double secondsPerConfiguration) {
    }

    /** jcstress's start-up and hand-over per fork, beside its stress time: about half a second here. */
    private static final double FORK_OVERHEAD_SECONDS = 0.5;

    /**
     * Why each ERROR variant has no verdict: jcstress's status per configuration, counted, so
     * that a forked JVM that died (VM_ERROR) or hung (TIMEOUT) is named, not only "ERROR".
     */
    private static void printErrors(PrintWriter out, List<OutcomeRow> rows, List<VariantResult> results) {
        for (VariantResult r : results) {
            if (r.verdict() != Verdict.ERROR) {
                continue;
            }
            Map<String, Set<String>> configurationsByStatus = new TreeMap<>();
            Set<String> all = new HashSet<>();
            for (OutcomeRow row : rows) {
                if (row.test().equals(r.test())) {
                    all.add(row.configuration());
                    if (!row.isNormal()) {
                        configurationsByStatus.computeIfAbsent(row.status(), k -> new HashSet<>())
                                .add(row.configuration());
                    }
                }
            }
            String statuses = configurationsByStatus.entrySet().stream()
                    .map(e -> e.getKey() + " in " + e.getValue().size() + " of " + all.size() + " configurations")
                    .collect(Collectors.joining(", "));
            out.printf("%nERROR %s: jcstress could not run it: %s; a forked JVM that died or hung is not a pass "
                    + "(the jcstress*.log files and jcstress-report*/ in the run directory say more).%n", r.variant(),
                    statuses.isEmpty() ? "no samples" : statuses);
        }
    }

    /** The tutorials' plain-int lesson without a lost update: what that means, so nobody reads it as a pass or a fault. */
    private static void printNotSeen(PrintWriter out, List<VariantResult> results) {
        for (VariantResult r : results.stream().filter(r -> r.verdict() == Verdict.NOT_SEEN).toList()) {
            if (!Verdicts.isSuiteTest(r.test())) {
                out.printf(Locale.ROOT, "%n%s: no forbidden outcome in %,d samples: the race your subject's "
                        + "synchronisation prevents did not show in this test, so nothing here can prove it prevented.%n",
                        r.variant(), r.samples());
                continue;
            }
            if (r.test().endsWith("." + Verdicts.USER_TWIN_VARIANT)) {
                out.printf(Locale.ROOT, "%n%s: no lost update in %,d samples: the race window your synchronisation "
                        + "closes did not show in this run, so nothing here can prove that it is closed.%n",
                        r.variant(), r.samples());
                continue;
            }
            out.printf(Locale.ROOT, "%n%s: no lost update in %,d samples. The tutorials' plain int races only where both "
                    + "actors run C1 code (C2 folds NUM += n; NUM -= n away), about once in 1e8 samples there; not a "
                    + "failure, and no proof rests on it (the fixes' twin is RacyVolatile).%n", r.variant(), r.samples());
        }
    }

    private static void printTimesToRace(PrintWriter out, List<VariantResult> results) {
        List<VariantResult> racy = results.stream().filter(r -> r.expect().allowsRace() && r.lostUpdates() > 0)
                .toList();
        if (racy.isEmpty()) {
            return;
        }
        out.println();
        out.println("time to the first lost update (expected, from this run's rate):");
        for (VariantResult r : racy) {
            String time = Double.isNaN(r.secondsToFirstLostUpdate()) ? ""
                    : ", about " + duration(r.secondsToFirstLostUpdate()) + " of stress";
            out.printf(Locale.ROOT, "  %-18s one in %s samples%s%n", r.variant(), sci(r.samplesPerLostUpdate()), time);
        }
    }

    private static void printShortfalls(PrintWriter out, List<VariantResult> results, Stress stress) {
        double worst = 0;
        for (VariantResult r : results) {
            if (r.verdict() == Verdict.SAFE_UNPROVEN && r.proof() == null) {
                out.printf("%n%s is SAFE_UNPROVEN: no forbidden outcome, and no twin to weigh that against: name the "
                        + "class it tests with --subject.%n", r.variant());
            } else if (r.verdict() == Verdict.SAFE_UNPROVEN && !r.test().endsWith("." + Verdicts.USER_VARIANT)) {
                out.printf("%n%s is SAFE_UNPROVEN: no lost update, but %s. To make it a proof: %s.%n", r.variant(),
                        r.proof().shortfall(), advice(r.proof(), stress));
                if (Verdicts.isSuiteTest(r.test())) { // the command below is the suite's
                    worst = Math.max(worst, factor(r.proof()));
                }
            }
        }
        if (worst > 0) {
            // the fixes again, one fork per configuration, and the twin's configurations in
            // ProofFunding.TWIN_FORKS forks of half the iterations each (twice the stress time)
            Option option = stress.reach(worst);
            double s = option.secondsPerConfiguration();
            long fixes = results.stream().filter(r -> r.proof() != null).mapToLong(r -> r.proof().configurations()).sum();
            long twin = results.stream().filter(r -> r.proof() != null).mapToLong(r -> r.proof().configurations()).max()
                    .orElse(0);
            double seconds = fixes * (s + FORK_OVERHEAD_SECONDS)
                    + twin * (2 * s + ProofFunding.TWIN_FORKS * FORK_OVERHEAD_SECONDS);
            String about = seconds < 90 ? String.format(Locale.ROOT, "%.0f s", seconds)
                    : String.format(Locale.ROOT, "%.0f min", seconds / 60);
            out.printf(Locale.ROOT, "%nTo prove every fix of this run: ./racebench race %s --tests '<the fixes>', "
                    + "about %s (%d configurations of the fixes at %.0f s of stress each, their twin's at "
                    + "twice that, plus start-up).%n", option.args(), about, fixes, s);
        }
    }

    private static double factor(Proof proof) {
        boolean allCovered = proof.covered() == proof.configurations();
        return allCovered && proof.needFactor() > 1 ? proof.needFactor() : 5;
    }

    private static String advice(Proof proof, Stress stress) {
        return stress.toReach(factor(proof));
    }

    private static void printUserCounter(PrintWriter out, List<VariantResult> results, Stress stress) {
        for (VariantResult r : results) {
            if (!r.test().endsWith("." + Verdicts.USER_VARIANT)) {
                continue;
            }
            out.println();
            List<String> tests = results.stream().map(VariantResult::test).toList();
            String twinTest = Verdicts.twinTest(r.test(), tests);
            boolean own = twinTest.endsWith("." + Verdicts.USER_TWIN_VARIANT);
            VariantResult twin = results.stream().filter(t -> t.test().equals(twinTest)).findFirst().orElse(null);
            String reference = twin == null || twin.lostUpdates() == 0
                    ? (own ? "; your class without its synchronisation lost none here either" : "")
                    : own ? String.format(Locale.ROOT, "; your class without its synchronisation loses one every %s "
                    + "samples here", sci(twin.samplesPerLostUpdate()))
                    : String.format(Locale.ROOT, "; a racy counter of this shape (%s) loses one every %s samples here",
                    twin.variant(), sci(twin.samplesPerLostUpdate()));
            if (r.verdict() == Verdict.RACE) {
                out.printf(Locale.ROOT, "%s: %,d lost updates in %,d samples, one every %s%s: it races.%n",
                        r.variant(), r.lostUpdates(), r.samples(), sci(r.samplesPerLostUpdate()), reference);
            } else if (r.verdict() == Verdict.PROVEN) {
                out.printf(Locale.ROOT, "%s: 0 lost updates in %,d samples%s; your counter's rate is at least "
                        + "%,.0fx lower, in every configuration.%n", r.variant(), r.samples(), reference,
                        r.proof().weakest());
            } else if (r.verdict() == Verdict.SAFE_UNPROVEN) {
                out.printf(Locale.ROOT, "%s: 0 lost updates in %,d samples%s; too few samples to tell (%s): run with "
                        + "%s.%n", r.variant(), r.samples(), reference, r.proof().shortfall(), advice(r.proof(), stress));
            }
        }
    }

    /** Where the race showed and where the compiler hid it: racy variants, and any fix that raced. */
    private static void printRatesPerConfiguration(PrintWriter out, List<OutcomeRow> rows, List<VariantResult> results) {
        Set<String> shown = new HashSet<>();
        for (VariantResult r : results) {
            if (r.expect().allowsRace() || r.lostUpdates() > 0) {
                shown.add(r.test());
            }
        }
        Map<String, List<ConfigurationRate>> byVariant = new LinkedHashMap<>();
        for (ConfigurationRate rate : ConfigurationRate.of(rows)) {
            if (shown.contains(rate.test())) {
                byVariant.computeIfAbsent(rate.variant(), v -> new ArrayList<>()).add(rate);
            }
        }
        if (byVariant.isEmpty()) {
            return;
        }
        out.println();
        out.println("lost-update rate per jcstress configuration ('.' = none seen):");
        byVariant.forEach((variant, perConfig) -> {
            out.printf("  %s%n", variant);
            perConfig.forEach(rate -> out.printf("    %-70s %s%n", shorten(rate.configuration(), 70),
                    rate.lost() > 0 ? sci(rate.rate()) : "."));
        });
    }

    private static String sci(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.1e", value);
    }

    private static String duration(double seconds) {
        if (seconds < 1e-3) {
            return String.format(Locale.ROOT, "%.1f us", seconds * 1e6);
        }
        if (seconds < 1) {
            return String.format(Locale.ROOT, "%.0f ms", seconds * 1e3);
        }
        return String.format(Locale.ROOT, "%.1f s", seconds);
    }

    private static String shorten(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "…";
    }
}
