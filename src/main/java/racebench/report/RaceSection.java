package racebench.report;

import org.apache.commons.csv.CSVRecord;
import racebench.report.Charts.Estimate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * race.csv, race-configurations.csv, race-outcomes.csv and race-values.csv as charts: which final values each
 * variant produced against the seven possible, the lost-update rate per jcstress
 * configuration, and each fix's 95% bound beside its twin's rate (the proof), then the
 * verdict table.
 */
final class RaceSection {
    /** The colour floor of the rate heat map: a configuration without a lost update. */
    private static final double NONE = -10;

    private RaceSection() {
    }

    static void add(HtmlPage page, List<CSVRecord> variants, List<CSVRecord> configurations, List<CSVRecord> outcomes,
                    List<CSVRecord> values) {
        page.heading("Race-proof suite (race.csv)");
        outcomesSeen(page, variants, outcomes, values);
        rates(page, variants, configurations);
        proof(page, configurations);
        page.table(List.of("variant", "expect", "twin", "samples", "lost updates", "lost/sample (or 95% bound)",
                        "fix's bound below twin's rate", "configurations twin raced", "outcomes seen", "verdict"),
                variants.stream().map(r -> {
                    long lost = Long.parseLong(r.get("interesting")) + Long.parseLong(r.get("forbidden"));
                    String rate = lost > 0 || r.get("rate_upper_bound_95").isEmpty()
                            ? Format.number(Format.parse(r.get("lost_update_rate")))
                            : "< " + Format.number(Format.parse(r.get("rate_upper_bound_95")));
                    String sensitivity = r.get("sensitivity_min").isEmpty() ? ""
                            : Format.parse(r.get("sensitivity_min")) == 0 ? "none: the twin was silent somewhere"
                            : Format.number(Format.parse(r.get("sensitivity_min"))) + "x (weakest configuration)";
                    return List.of(r.get("variant"), r.get("expect"), r.get("twin"),
                            String.format(java.util.Locale.ROOT, "%,d", Long.parseLong(r.get("samples"))),
                            String.format(java.util.Locale.ROOT, "%,d", lost), rate, sensitivity,
                            twinRaced(r), outcomesSeen(r), r.get("verdict"));
                }).toList(), "verdict");
    }

    /** "12/14": the configurations where a fix's twin raced, of the fix's; format 1 wrote it so. */
    private static String twinRaced(CSVRecord r) {
        String raced = r.get("configurations_twin_raced");
        return raced.isEmpty() || raced.contains("/") ? raced : raced + "/" + r.get("fix_configurations");
    }

    /** "3/7": the distinct final values seen, of those possible; format 1 wrote it so as coverage; empty for a user's jcstress test. */
    private static String outcomesSeen(CSVRecord r) {
        String coverage = r.get("coverage");
        return coverage.contains("/") || r.get("outcomes_possible").isEmpty() ? coverage
                : r.get("outcomes_seen") + "/" + r.get("outcomes_possible");
    }

    /** The values a run's variants could leave: race-values.csv's possible ones, or format 1's list in race.csv. */
    private static List<String> possible(List<CSVRecord> variants, List<CSVRecord> values) {
        if (!values.isEmpty()) {
            return values.stream().filter(v -> Boolean.parseBoolean(v.get("possible"))).map(v -> v.get("value"))
                    .distinct().sorted(java.util.Comparator.comparingInt(Integer::parseInt)).toList();
        }
        String listed = variants.getFirst().get("outcomes_possible").trim();
        return listed.contains(" ") ? Arrays.asList(listed.split("\\s+")) : List.of();
    }

    private static void outcomesSeen(HtmlPage page, List<CSVRecord> variants, List<CSVRecord> outcomes,
                                     List<CSVRecord> values) {
        if (variants.isEmpty() || outcomes.isEmpty()) {
            return;
        }
        List<String> possible = possible(variants, values);
        if (possible.isEmpty()) {
            return;
        }
        Map<String, String> variantOf = new HashMap<>();
        variants.forEach(v -> variantOf.put(v.get("test"), v.get("variant")));
        List<String> rows = variants.stream().map(v -> v.get("variant")).distinct().toList();
        double[][] counts = new double[rows.size()][possible.size()];
        for (CSVRecord o : outcomes) {
            int r = rows.indexOf(variantOf.get(o.get("test")));
            int c = possible.indexOf(o.get("outcome").trim());
            if (r >= 0 && c >= 0) {
                counts[r][c] += Format.parse(o.get("count"));
            }
        }
        double[][] log = new double[rows.size()][possible.size()];
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < possible.size(); c++) {
                log[r][c] = counts[r][c] > 0 ? Math.log10(counts[r][c]) : Double.NaN;
            }
        }
        page.chart(Charts.heatMap("Final values of NUM seen, per variant (log10 of samples)", "Columns are the seven "
                + "values the two actors' interleavings can leave (0 is the right one); a cell is log10 of the samples "
                + "that ended there, summed over all configurations, and " + (int) -1 + " means never seen. A fix "
                + "must stay in the 0 column; a racy variant's other columns are its lost updates.", possible
                .stream().map(v -> "NUM = " + v).toList(), rows, log, -1));
    }

    private static void rates(HtmlPage page, List<CSVRecord> variants, List<CSVRecord> configurations) {
        List<String> shown = variants.stream().filter(v -> !v.get("expect").equals("SAFE")
                || Long.parseLong(v.get("interesting")) + Long.parseLong(v.get("forbidden")) > 0)
                .map(v -> v.get("variant")).distinct().toList();
        List<CSVRecord> rows = configurations.stream().filter(c -> shown.contains(c.get("variant"))).toList();
        if (rows.isEmpty()) {
            return;
        }
        List<String> configs = new ArrayList<>(new LinkedHashSet<>(configurations.stream()
                .map(c -> c.get("configuration")).toList()));
        double[][] values = new double[shown.size()][configs.size()];
        for (double[] row : values) {
            Arrays.fill(row, Double.NaN);
        }
        for (CSVRecord c : rows) {
            double rate = Format.parse(c.get("rate"));
            values[shown.indexOf(c.get("variant"))][configs.indexOf(c.get("configuration"))] =
                    rate > 0 ? Math.log10(rate) : Double.NaN;
        }
        page.chart(Charts.heatMap("Lost updates per sample, per jcstress configuration (log10)", "Rows are the variants "
                + "that may race; a cell is log10 of the lost-update rate in that configuration (-2 = one sample in "
                + "a hundred), " + (int) NONE + " = none seen. The plain int (Racy) races only where both actors run "
                + "C1 code; the volatile twin races everywhere. Columns: " + legend(configs), shortNames(configs),
                shown, values, NONE));
    }

    /** Each fix's 95% upper bound beside its twin's measured rate, per configuration: the proof, drawn. */
    private static void proof(HtmlPage page, List<CSVRecord> configurations) {
        List<CSVRecord> fixes = configurations.stream().filter(c -> !c.get("twin").isEmpty()
                && !c.get("rate_upper_bound_95").isEmpty()).toList();
        if (fixes.isEmpty()) {
            return;
        }
        List<String> configs = new ArrayList<>(new LinkedHashSet<>(fixes.stream().map(c -> c.get("configuration"))
                .toList()));
        List<String> labels = shortNames(configs);
        List<Estimate> points = new ArrayList<>();
        Map<String, Boolean> twinDrawn = new HashMap<>();
        for (CSVRecord c : fixes) {
            String label = labels.get(configs.indexOf(c.get("configuration")));
            // files older than the lower-bound rule have only the measured rate
            boolean lower = c.isMapped("twin_rate_lower_95");
            double twinRate = Format.parse(c.get(lower ? "twin_rate_lower_95" : "twin_rate"));
            if (twinRate > 0 && twinDrawn.putIfAbsent(c.get("twin") + label, true) == null) {
                points.add(Estimate.of("twin " + c.get("twin") + (lower ? ": rate, 95% lower bound" : ": measured rate"),
                        label, twinRate));
            }
        }
        for (CSVRecord c : fixes) {
            points.add(Estimate.of(c.get("variant") + ": 95% bound", labels.get(configs.indexOf(c.get("configuration"))),
                    Format.parse(c.get("rate_upper_bound_95"))));
        }
        points.sort(java.util.Comparator.comparing(e -> e.series().startsWith("twin") ? 0 : 1));
        page.chart(Charts.categories("The proof: each fix's 95% bound against its twin's rate", "Per configuration, "
                + "the first series is the 95% lower bound on the lost-update rate of the fixes' twin (the same counter "
                + "without the fix); the "
                + "others are each fix's exact 95% upper bound on its own rate after 0 lost updates. A fix is PROVEN "
                + "when its bound lies at least 100x (two decades) below the twin in every configuration. Log scale.",
                "jcstress configuration", "lost updates per sample (log scale)", points, List.of(), true, false));
    }

    /** "actor1=C2 actor2=Interpreter -XX:+StressLCM ..." to "C2/Int+s", unique within the list. */
    static List<String> shortNames(List<String> configurations) {
        List<String> names = new ArrayList<>();
        for (String c : configurations) {
            String base = c.replaceAll("-XX:\\S+", "").trim().replace("actor1=", "").replace(" actor2=", "/")
                    .replace("Interpreter", "Int").replace(" ", "");
            String name = base + (c.contains("-XX:") ? "+s" : "");
            String unique = name;
            for (int i = 2; names.contains(unique); i++) {
                unique = name + "#" + i;
            }
            names.add(unique);
        }
        return names;
    }

    private static String legend(List<String> configurations) {
        return "actor 1 / actor 2 compiled by C1, C2 or interpreted (Int); +s adds C2's stress flags "
                + "(StressLCM, StressGCM, StressIGVN and others), " + configurations.size() + " configurations in all.";
    }
}
