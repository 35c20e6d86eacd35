package racebench.race;

import org.openjdk.jcstress.JCStress;
import org.openjdk.jcstress.Options;
import org.openjdk.jcstress.infra.collectors.DiskReadCollector;
import org.openjdk.jcstress.infra.collectors.InProcessCollector;
import org.openjdk.jcstress.infra.collectors.TestResult;
import org.openjdk.jcstress.infra.grading.GradingResult;
import org.openjdk.jcstress.infra.runners.TestConfig;
import org.openjdk.jcstress.vm.CompileMode;
import racebench.results.Csv;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Entry point of the jcstress JVM that {@link JcstressRunner} starts: runs jcstress with the
 * given options in the working directory, then reads jcstress's result file back with
 * jcstress's own collectors and grading, and writes one {@link OutcomeRow} per outcome per
 * configuration as CSV. Usage: {@code StressMain OUT.csv <jcstress options>}.
 *
 * <p>Exit 0 when the CSV was written, 3 when jcstress ran no test or failed.
 */
public final class StressMain {

    private StressMain() {
    }

    public static void main(String[] args) throws Exception {
        racebench.process.OrphanGuard.start(); // a kill -9 of racebench must not leave jcstress running
        Path out = Path.of(args[0]);
        Options opts = new Options(Arrays.copyOfRange(args, 1, args.length));
        if (!opts.parse()) {
            System.exit(3);
        }
        try {
            new JCStress(opts).run();
        } catch (AssertionError e) {
            // jcstress 0.16 ends a run with a FORBIDDEN outcome by throwing "TEST FAILURES" from its
            // exception report, after the result file and HTML are written: that is a finding for
            // the verdicts below to report, not a failure of jcstress
            if (e.getMessage() == null || !e.getMessage().startsWith("TEST FAILURES")) {
                throw e;
            }
        }

        Path resultFile = Path.of(opts.getResultFile());
        if (!Files.isRegularFile(resultFile)) {
            System.err.println("jcstress wrote no result file");
            System.exit(3);
        }
        InProcessCollector collector = new InProcessCollector();
        DiskReadCollector reader = new DiskReadCollector(resultFile.toString(), collector);
        try {
            reader.dump();
        } finally {
            reader.close();
        }
        List<OutcomeRow> rows = new ArrayList<>();
        for (TestResult result : collector.getTestResults()) {
            rows.addAll(rowsOf(result));
        }
        rows.sort(Comparator.comparing(OutcomeRow::test).thenComparing(OutcomeRow::configuration)
                .thenComparing(OutcomeRow::outcome));
        Csv.write(out, OutcomeRow.HEADER, rows, OutcomeRow::cells);
        // jcstress leaves non-daemon threads behind; the run is over.
        System.exit(0);
    }

    static List<OutcomeRow> rowsOf(TestResult result) {
        TestConfig config = result.getConfig();
        String compilation = compilation(config);
        // jcstress lists every flag of the fork; only its C2 stress randomizers tell configurations apart
        String jvmArgs = String.join(" ", config.jvmArgs.stream().filter(a -> a.contains("Stress")).toList());
        List<OutcomeRow> rows = new ArrayList<>();
        for (GradingResult g : result.grading().gradingResults.values()) {
            rows.add(new OutcomeRow(result.getName(), compilation, jvmArgs, config.forkId,
                    result.status().name(), g.id, g.expect.name(), g.count, g.description));
        }
        if (rows.isEmpty() || !"NORMAL".equals(result.status().name())) {
            // what went wrong, in jcstress's words, on a row of its own
            List<String> why = new ArrayList<>(result.getMessages());
            why.addAll(result.getVmErr());
            String text = String.join(" | ", why);
            rows.add(new OutcomeRow(result.getName(), compilation, jvmArgs, config.forkId,
                    result.status().name(), "", "", 0, text.length() > 2000 ? text.substring(0, 2000) : text));
        }
        return rows;
    }

    private static String compilation(TestConfig config) {
        if (config.compileMode == CompileMode.UNIFIED) {
            return "unified";
        }
        List<String> parts = new ArrayList<>();
        for (int a = 0; a < config.actorNames.size(); a++) {
            String mode = CompileMode.isInt(config.compileMode, a) ? "Interpreter"
                    : CompileMode.isC1(config.compileMode, a) ? "C1" : "C2";
            parts.add(config.actorNames.get(a) + "=" + mode);
        }
        return String.join(" ", parts);
    }
}
