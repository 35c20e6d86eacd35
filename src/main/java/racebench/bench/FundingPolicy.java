package racebench.bench;

import racebench.stats.DetectableEffect;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a run's forks are funded ({@link ForkFunding}): its goals in their order and the numbers
 * they aim at, written into environment.csv as data. calibrate sizes its simulated runs by the
 * runs funded by the policy it runs with, read back from those facts.
 *
 * @param goals       the goals, first funded first: the primary rows' alarm, a verdict for the rows
 *                    too blind for one, the other rows' alarm, the precision target
 * @param alarmChange the change an alarm is funded to catch, as a fraction
 * @param alarmPower  the power it is funded to catch it with
 * @param widest      the widest change a row must be able to see to have a verdict
 * @param precision   the relative 95% half-width a row is funded toward
 */
public record FundingPolicy(List<String> goals, double alarmChange, double alarmPower, double widest,
                            double precision) {
    /** The policy this racebench funds with. */
    public static final FundingPolicy CURRENT = new FundingPolicy(List.of("primary_alarm", "verdict", "alarm",
            "precision"), DetectableEffect.ALARM_CHANGE, DetectableEffect.POWER, DetectableEffect.WIDEST,
            Profile.TARGET_HALF_WIDTH);
    /** The sentence runs of result format 1 recorded, as {@code funding}, for {@link #FORMAT_1_POLICY}. */
    static final String FORMAT_1 = "the primary rows' alarm, then a verdict, then an alarm at 10% with 95% power, "
            + "then ±2%";
    /** The policy that sentence stands for, frozen: it never follows {@link #CURRENT}. */
    static final FundingPolicy FORMAT_1_POLICY = new FundingPolicy(List.of("primary_alarm", "verdict", "alarm",
            "precision"), 0.10, 0.95, 0.5, 0.02);

    public FundingPolicy {
        goals = List.copyOf(goals);
    }

    /** As environment.csv records it. */
    public Map<String, String> facts() {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("funding_goals", String.join(">", goals));
        facts.put("funding_alarm_change", Double.toString(alarmChange));
        facts.put("funding_alarm_power", Double.toString(alarmPower));
        facts.put("funding_widest", Double.toString(widest));
        facts.put("funding_precision", Double.toString(precision));
        return facts;
    }

    /** Whether a run with these environment.csv facts was funded by this policy. */
    public boolean funded(Map<String, String> runFacts) {
        if (facts().entrySet().stream().allMatch(e -> e.getValue().equals(runFacts.get(e.getKey())))) {
            return true;
        }
        return equals(FORMAT_1_POLICY) && FORMAT_1.equals(runFacts.get("funding"));
    }

    /** In words, for the console: "the primary rows' alarm, then a verdict, ...". */
    public String describe() {
        return String.join(", then ", goals.stream().map(g -> switch (g) {
            case "primary_alarm" -> "the primary rows' alarm";
            case "verdict" -> String.format(Locale.ROOT, "a verdict (a %.0f%% change seen)", 100 * widest);
            case "alarm" -> String.format(Locale.ROOT, "an alarm at %.0f%% with %.0f%% power", 100 * alarmChange,
                    100 * alarmPower);
            case "precision" -> String.format(Locale.ROOT, "±%.0f%%", 100 * precision);
            default -> g;
        }).toList());
    }
}
