package racebench.race;

import racebench.stats.Proportion;

import java.util.List;
import java.util.Map;

/**
 * What a fix's "no lost update" shows: compared, configuration by configuration, with its
 * twin (the same counter without the fix) stressed in the same run. In each configuration the
 * fix's 95% upper bound on its lost-update rate is set against the twin's 95% lower bound
 * there; the ratio is the run's sensitivity there, how many times rarer than the unfixed race a
 * race in the fix would have to be to go unseen. The lower bound keeps the proof honest when a
 * run stresses a quiet twin longer and stops once it is loud enough.
 *
 * <p>The rule: PROVEN when the twin lost updates in every configuration the fix ran in and,
 * in each, the sensitivity is at least {@link #RULE}: a configuration where even the twin
 * showed nothing is one where the run could not have told a fix from no fix.
 *
 * @param twin       the twin's variant name
 * @param lines      the fix's configurations, each with the twin's rate there (null where the twin did not run)
 * @param covered    configurations where the twin lost at least one update
 * @param weakest    the smallest sensitivity over the covered configurations (NaN when none is)
 * @param needFactor how many times the samples of the weakest configuration the rule needs
 *                   (at most 1 when the covered configurations already meet it)
 */
public record Proof(String twin, List<ConfigurationRate.Line> lines, int covered, double weakest,
                    double needFactor) {

    /** How far below its twin's rate a fix's bound must lie. */
    public static final double RULE = 100;

    public static Proof of(String twin, List<ConfigurationRate> fix, Map<String, ConfigurationRate> twinBySetting) {
        int covered = 0;
        double weakest = Double.NaN;
        double need = Double.NaN;
        List<ConfigurationRate.Line> lines = fix.stream()
                .map(r -> new ConfigurationRate.Line(r, twin, twinBySetting.get(r.configuration()))).toList();
        for (ConfigurationRate.Line line : lines) {
            if (line.twinRate() == null || line.twinRate().lost() == 0 || line.rate().samples() == 0) {
                continue;
            }
            covered++;
            double sensitivity = line.sensitivity();
            weakest = Double.isNaN(weakest) ? sensitivity : Math.min(weakest, sensitivity);
            double factor = (double) Proportion.trialsToBound(line.twinRate().lowerBound() / RULE, ConfigurationRate.CONFIDENCE)
                    / line.rate().samples();
            need = Double.isNaN(need) ? factor : Math.max(need, factor);
        }
        return new Proof(twin, lines, covered, weakest, need);
    }

    /** The configuration with the smallest sensitivity, or where the twin lost nothing; empty when there is none. */
    public String weakestConfiguration() {
        ConfigurationRate.Line weakestLine = null;
        for (ConfigurationRate.Line line : lines) {
            if (line.twinRate() == null || line.twinRate().lost() == 0) {
                return line.rate().configuration();
            }
            if (weakestLine == null || line.sensitivity() < weakestLine.sensitivity()) {
                weakestLine = line;
            }
        }
        return weakestLine == null ? "" : weakestLine.rate().configuration();
    }

    public int configurations() {
        return lines.size();
    }

    public boolean proven() {
        return configurations() > 0 && covered == configurations() && weakest >= RULE;
    }

    /** Why it is not a proof yet, and what would make it one; empty when proven. */
    public String shortfall() {
        if (proven()) {
            return "";
        }
        if (covered == 0) {
            return "its twin " + twin + " lost no update in any configuration of this run, so the run could not "
                    + "have told the fix from no fix";
        }
        if (covered < configurations()) {
            return String.format(java.util.Locale.ROOT, "its twin %s lost updates in only %d of %d configurations "
                    + "(none in %s)", twin, covered, configurations(), weakestConfiguration());
        }
        return String.format(java.util.Locale.ROOT, "in its weakest configuration, %s, the bound is only %.0fx below "
                + "%s's rate; %.1fx the samples would make it %.0fx", weakestConfiguration(), weakest, twin, needFactor, RULE);
    }
}
