package racebench.race;

import racebench.workload.counter.CounterKind;
import racebench.workload.counter.CounterKind.Expectation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Turns per-configuration outcome rows into one verdict per variant. A lost update is any
 * non-zero final value; whether the test graded it interesting or forbidden only tells which
 * outcome set it declared, so the verdict is taken from the counts and the expectation:
 * a racy variant with a lost update is REPRODUCED, without one NOT_REPRODUCED (NOT_SEEN for
 * the tutorials' plain-int lesson, which the JIT may fold away); a fix with
 * one is a RACE, without one PROVEN or SAFE_UNPROVEN by the {@link Proof} against its twin.
 * A configuration that jcstress could not run makes a variant with no lost update an ERROR,
 * since "none seen" no longer covers every configuration; a lost update that was seen stands
 * whatever else failed.
 *
 * <p>A user's own jcstress test ({@link JcstressTests}) is judged the same way, its FORBIDDEN
 * outcomes taking the place of lost updates: its run against the user's classes must show none,
 * and its run against the subject's twin (the test's name plus {@link #TWIN_SUFFIX}) is what the
 * proof is weighed against.
 */
public final class Verdicts {
    /** Nested class that runs the user's own counter. */
    public static final String USER_VARIANT = "UserCounter";
    /** The user's counter with its synchronisation taken out ({@link racebench.twin.Unlocker}): its own twin. */
    public static final String USER_TWIN_VARIANT = "UserCounterTwin";

    /** What a user's jcstress test is called when it ran against the subject's twin. */
    public static final String TWIN_SUFFIX = " twin";

    /** Whether a test is one of racebench's own (a counter's), not a user's jcstress test. */
    public static boolean isSuiteTest(String test) {
        return test.startsWith(RaceSuite.SUITE_PREFIX);
    }

    /** How tables name a test: a counter's variant by its nested class, a user's jcstress test by its whole name. */
    public static String variantName(String test) {
        return isSuiteTest(test) ? simpleName(test) : test;
    }

    /** Whether a test stresses a user's counter or its twin: selected only with {@code race --counter}. */
    public static boolean isUserTest(String test) {
        return test.endsWith("." + USER_VARIANT) || test.endsWith("." + USER_TWIN_VARIANT);
    }

    private static final SortedSet<Integer> POSSIBLE = OutcomeModel.reachable(1, 4);

    private Verdicts() {
    }

    /** The expectation of a jcstress test, by its nested class's simple name; an unknown name is an error. */
    public static Expectation expectationOf(String test) {
        if (!isSuiteTest(test)) {
            return test.endsWith(TWIN_SUFFIX) ? Expectation.MAY_RACE : Expectation.SAFE;
        }
        String variant = simpleName(test);
        if (variant.equals(USER_TWIN_VARIANT)) {
            return Expectation.MAY_RACE; // a narrow window may not show in a short run: the proof weighs that, not a verdict
        }
        return variant.equals(USER_VARIANT) ? Expectation.SAFE : CounterKind.ofVariant(variant).expect();
    }

    /**
     * The jcstress test of a fix's twin, or null for a racy variant; for the user's counter the
     * reference twin ({@link #twinTest(String, java.util.Collection)} names its own when it ran).
     */
    public static String twinTest(String test) {
        if (!isSuiteTest(test)) {
            return null; // a user's jcstress test has a twin only when its run against the subject's twin is there
        }
        String variant = simpleName(test);
        if (variant.equals(USER_TWIN_VARIANT)) {
            return null;
        }
        CounterKind twin = variant.equals(USER_VARIANT) ? CounterKind.REFERENCE_TWIN : CounterKind.ofVariant(variant).twin();
        return twin == null ? null : test.substring(0, test.length() - variant.length()) + twin.variant();
    }

    /** As {@link #twinTest(String)}, but the user's counter's own twin when {@code tests} has it. */
    public static String twinTest(String test, java.util.Collection<String> tests) {
        if (!isSuiteTest(test)) {
            return test.endsWith(TWIN_SUFFIX) || !tests.contains(test + TWIN_SUFFIX) ? null : test + TWIN_SUFFIX;
        }
        if (simpleName(test).equals(USER_VARIANT)) {
            String own = test.substring(0, test.length() - USER_VARIANT.length()) + USER_TWIN_VARIANT;
            if (tests.contains(own)) {
                return own;
            }
        }
        return twinTest(test);
    }

    public static List<VariantResult> summarize(List<OutcomeRow> rows, String userCounter) {
        return summarize(rows, userCounter, Map.of());
    }

    /**
     * @param stressSeconds jcstress's stress time per test, from the settings of the rounds it ran in
     */
    public static List<VariantResult> summarize(List<OutcomeRow> rows, String userCounter,
                                                Map<String, Double> stressSeconds) {
        Map<String, List<OutcomeRow>> byTest = new LinkedHashMap<>();
        for (OutcomeRow row : rows) {
            byTest.computeIfAbsent(row.test(), t -> new ArrayList<>()).add(row);
        }
        Map<String, List<ConfigurationRate>> rates = new LinkedHashMap<>();
        for (ConfigurationRate rate : ConfigurationRate.of(rows)) {
            rates.computeIfAbsent(rate.test(), t -> new ArrayList<>()).add(rate);
        }
        List<VariantResult> results = new ArrayList<>();
        for (Map.Entry<String, List<OutcomeRow>> e : byTest.entrySet()) {
            String test = e.getKey();
            String variant = variantName(test);
            if (variant.equals(USER_VARIANT) && userCounter != null) {
                variant = userCounter;
            } else if (variant.equals(USER_TWIN_VARIANT) && userCounter != null) {
                variant = userCounter + " twin"; // the class without its synchronisation
            }
            VariantResult r = summarize(test, variant, expectationOf(test), e.getValue(),
                    stressSeconds.getOrDefault(test, Double.NaN));
            if (r.verdict() == Verdict.PROVEN) {
                String twin = twinTest(test, byTest.keySet());
                if (twin == null) {
                    r = withProof(r, null); // a user's jcstress test raced without a subject: nothing to weigh it against
                } else {
                    Map<String, ConfigurationRate> twinBySetting = new LinkedHashMap<>();
                    rates.getOrDefault(twin, List.of()).forEach(t -> twinBySetting.put(t.configuration(), t));
                    r = withProof(r, Proof.of(variantName(twin), rates.getOrDefault(test, List.of()), twinBySetting));
                }
            }
            results.add(r);
        }
        return results;
    }

    private static VariantResult withProof(VariantResult r, Proof proof) {
        return new VariantResult(r.test(), r.variant(), r.expect(), r.samples(), r.interesting(), r.forbidden(),
                r.seen(), r.possible(), r.configurations(), r.racyConfigurations(),
                proof != null && proof.proven() ? Verdict.PROVEN : Verdict.SAFE_UNPROVEN, proof, r.stressSeconds());
    }

    /**
     * One variant on its own: REPRODUCED, NOT_REPRODUCED, RACE or ERROR, or PROVEN for a fix
     * that lost no update, to be weighed against its twin by the caller.
     */
    static VariantResult summarize(String test, String variant, Expectation expect, List<OutcomeRow> rows,
                                   double stressSeconds) {
        long samples = 0;
        long interesting = 0;
        long forbidden = 0;
        boolean error = false;
        boolean counter = isSuiteTest(test); // a counter's outcome is its final value; a user's test's is its own
        SortedSet<Integer> seen = new TreeSet<>();
        Map<String, Boolean> configurations = new LinkedHashMap<>();
        for (OutcomeRow row : rows) {
            error |= !row.isNormal();
            configurations.putIfAbsent(row.configuration(), false);
            if (row.count() == 0 || row.outcome().isEmpty()) {
                continue;
            }
            samples += row.count();
            if (counter) {
                Integer value = parse(row.outcome());
                if (value == null) {
                    error = true;   // an arbiter result that is not a number: a broken counter
                    continue;
                }
                seen.add(value);
            }
            if (row.isRace()) {
                configurations.put(row.configuration(), true);
                switch (row.expect()) {
                    case "ACCEPTABLE_INTERESTING" -> interesting += row.count();
                    default -> forbidden += row.count();
                }
            }
        }
        int racy = (int) configurations.values().stream().filter(b -> b).count();
        long lost = interesting + forbidden;
        // a lost update that was seen is a finding even if another configuration failed;
        // only a verdict that rests on the absence of lost updates needs every configuration
        Verdict verdict;
        if (lost > 0) {
            verdict = expect.allowsRace() ? Verdict.REPRODUCED : Verdict.RACE;
        } else if (error || samples == 0) {
            verdict = Verdict.ERROR;
        } else {
            verdict = switch (expect) {
                case RACY -> Verdict.NOT_REPRODUCED;
                case MAY_RACE -> Verdict.NOT_SEEN;
                case SAFE -> Verdict.PROVEN;
            };
        }
        return new VariantResult(test, variant, expect, samples, interesting, forbidden, seen,
                counter ? POSSIBLE : new TreeSet<>(),
                configurations.size(), racy, verdict, null, stressSeconds);
    }

    public static String simpleName(String test) {
        return test.substring(Math.max(test.lastIndexOf('.'), test.lastIndexOf('$')) + 1);
    }

    private static Integer parse(String outcome) {
        try {
            return Integer.valueOf(outcome.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
