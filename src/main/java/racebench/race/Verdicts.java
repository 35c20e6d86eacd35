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
 * a racy variant with a lost update is REPRODUCED, without one NOT_REPRODUCED; a fix with
 * one is a RACE, without one SAFE. A configuration that jcstress could not run makes a
 * variant with no lost update an ERROR, since "none seen" no longer covers every
 * configuration; a lost update that was seen stands whatever else failed.
 */
public final class Verdicts {
    /** Nested class that runs the user's own counter. */
    public static final String USER_VARIANT = "UserCounter";

    private static final SortedSet<Integer> POSSIBLE = OutcomeModel.reachable(1, 4);

    private Verdicts() {
    }

    /** The expectation of a jcstress test, by its nested class's simple name. */
    public static Expectation expectationOf(String test) {
        String variant = simpleName(test);
        for (CounterKind kind : CounterKind.values()) {
            if (kind.variant().equals(variant)) {
                return kind.expect();
            }
        }
        return Expectation.SAFE;  // the user's counter is graded as a fix
    }

    public static List<VariantResult> summarize(List<OutcomeRow> rows, String userCounter) {
        Map<String, List<OutcomeRow>> byTest = new LinkedHashMap<>();
        for (OutcomeRow row : rows) {
            byTest.computeIfAbsent(row.test(), t -> new ArrayList<>()).add(row);
        }
        List<VariantResult> results = new ArrayList<>();
        for (Map.Entry<String, List<OutcomeRow>> e : byTest.entrySet()) {
            String variant = simpleName(e.getKey());
            if (variant.equals(USER_VARIANT) && userCounter != null) {
                variant = userCounter;
            }
            results.add(summarize(e.getKey(), variant, expectationOf(e.getKey()), e.getValue()));
        }
        return results;
    }

    static VariantResult summarize(String test, String variant, Expectation expect, List<OutcomeRow> rows) {
        long samples = 0;
        long interesting = 0;
        long forbidden = 0;
        boolean error = false;
        SortedSet<Integer> seen = new TreeSet<>();
        Map<String, Boolean> configurations = new LinkedHashMap<>();
        for (OutcomeRow row : rows) {
            error |= !row.isNormal();
            configurations.putIfAbsent(row.configuration(), false);
            if (row.count() == 0 || row.outcome().isEmpty()) {
                continue;
            }
            samples += row.count();
            Integer value = parse(row.outcome());
            if (value == null) {
                error = true;   // an arbiter result that is not a number: a broken counter
                continue;
            }
            seen.add(value);
            if (value != 0) {
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
            verdict = expect == Expectation.RACY ? Verdict.REPRODUCED : Verdict.RACE;
        } else if (error || samples == 0) {
            verdict = Verdict.ERROR;
        } else {
            verdict = expect == Expectation.RACY ? Verdict.NOT_REPRODUCED : Verdict.SAFE;
        }
        return new VariantResult(test, variant, expect, samples, interesting, forbidden, seen, POSSIBLE,
                configurations.size(), racy, verdict);
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
