package racebench.nightly;

import racebench.results.Completion;
import racebench.stats.AlarmBudget;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Nights that suspect a change keep their base build for the next nights, so that a change one
 * night can only suspect is measured again against the same build and its evidence adds up
 * ({@link racebench.stats.Accumulated}). A night with a SUSPECT row is <em>watched</em>: the next
 * night passes over it and takes its base build, until {@link AlarmBudget#maxRuns} nights have
 * been judged against that build; then the newest night is a base again. Without this the next
 * night's base would be the suspect night's own build, and a persistent change would never be
 * seen twice.
 */
final class Watch {
    /** complete.csv facts: the build tonight was measured beside, its SUSPECT rows, and the nights judged against that build. */
    static final String BASE_FACT = "base_build";
    static final String SUSPECT_FACT = "suspect_rows";
    static final String NIGHTS_FACT = "nights_against_base";

    /**
     * Tonight's candidates split: the watched nights at the head of {@code candidates} (newest
     * first), which tonight passes over, and the rest, among which its base build is chosen.
     */
    record Split(List<Path> watched, List<Path> rest) {
    }

    private Watch() {
    }

    static Split split(List<Path> candidates, AlarmBudget budget) {
        int i = 0;
        while (i < candidates.size() && watched(candidates.get(i), budget)) {
            i++;
        }
        return new Split(candidates.subList(0, i), candidates.subList(i, candidates.size()));
    }

    /** A night with a SUSPECT row that fewer than the budget's nights were judged against its base build. */
    static boolean watched(Path night, AlarmBudget budget) {
        int suspect = Completion.fact(night, SUSPECT_FACT).map(Watch::integer).orElse(0);
        int nights = Completion.fact(night, NIGHTS_FACT).map(Watch::integer).orElse(budget.maxRuns());
        return suspect > 0 && nights < budget.maxRuns();
    }

    /** The watched nights that were measured beside {@code build}: their evidence adds up with tonight's. */
    static List<Path> against(List<Path> watched, String build) {
        List<Path> same = new ArrayList<>();
        for (Path night : watched) {
            if (Completion.fact(night, BASE_FACT).map(build::equals).orElse(false)) {
                same.add(night);
            }
        }
        return same;
    }

    /** Tonight's facts for later nights. */
    static void facts(Map<String, String> facts, String baseBuild, long suspectRows, int nights) {
        facts.put(BASE_FACT, baseBuild);
        facts.put(SUSPECT_FACT, Long.toString(suspectRows));
        facts.put(NIGHTS_FACT, Integer.toString(nights));
    }

    private static int integer(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return 0; // a fact a person damaged: not watched
        }
    }
}
