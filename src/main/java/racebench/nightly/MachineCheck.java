package racebench.nightly;

import racebench.bench.RunComparison;
import racebench.results.Csv;
import racebench.stats.Change;
import racebench.stats.Comparison;
import racebench.stats.RatioInterval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Is tonight's machine the machine of the baseline nights? The fingerprint compares what the
 * machine says it is; this compares what it does. Every nightly measures
 * {@code MachineBenchmark.cpu}, a fixed loop no change to racebench or its options touches, and
 * a baseline night counts tonight only when that loop's new/base is not a change by the rule
 * every row is judged by, because two hosts with one fingerprint can differ by more than any
 * row's threshold.
 *
 * <p>A night refused here is not lost: it is still complete and may be tonight's successors'
 * baseline, when they run on a machine like it. A night with no comparable baseline is not
 * judged (no alarm either way), and says so. A baseline night without a machine-check row is
 * taken as comparable.
 */
public final class MachineCheck {
    public static final String BENCHMARK = "MachineBenchmark.cpu";
    public static final String FILE = "machine-check.csv";
    static final List<String> HEADER = List.of("baseline_run", "base_forks", "new_forks", "ratio", "ratio_ci_low",
            "ratio_ci_high", "p_value", "comparable");

    /** One baseline night against tonight; {@code check} is empty when either night lacks the check's row. */
    public record Night(Path run, Optional<Comparison> check, boolean comparable) {
        /** "RUN: the machine check (MachineBenchmark.cpu) took 0.950x as long tonight [0.940, 0.960], p=0.0010". */
        public String describe() {
            return run.getFileName() + check.map(c -> {
                RatioInterval r = c.ratio();
                return String.format(Locale.ROOT, ": the machine check (%s) took %.3fx as long tonight [%.3f, %.3f], p=%.4f",
                        BENCHMARK, r.point(), r.low(), r.high(), c.p());
            }).orElse(": no machine check row (recorded before it existed, or not selected)");
        }

        List<Object> cells() {
            if (check.isEmpty()) {
                return List.of(run.getFileName().toString(), "", "", "", "", "", "", comparable);
            }
            Comparison c = check.get();
            return List.of(run.getFileName().toString(), c.base().n(), c.candidate().n(), Csv.number(c.ratio().point(), 4),
                    Csv.number(c.ratio().low(), 4), Csv.number(c.ratio().high(), 4), Csv.number(c.p(), 6), comparable);
        }
    }

    /**
     * The baselines tonight is judged against (the newest {@code runs} comparable nights) and
     * the check of every night looked at.
     */
    public record Selection(List<Path> baselines, List<Night> nights) {
        public Selection {
            baselines = List.copyOf(baselines);
            nights = List.copyOf(nights);
        }

        public List<Night> refused() {
            return nights.stream().filter(n -> !n.comparable()).toList();
        }

        /** There were baseline nights, and the machine differed from all of them: tonight is not judged. */
        public boolean withheld() {
            return baselines.isEmpty() && !nights.isEmpty();
        }
    }

    private MachineCheck() {
    }

    /**
     * Checks {@code candidates} (newest first) against {@code tonight} until {@code runs} are
     * comparable.
     */
    public static Selection select(List<Path> candidates, Path tonight, int runs, Comparison.Criteria criteria)
            throws IOException {
        Optional<double[]> mine = forks(tonight);
        List<Path> chosen = new ArrayList<>();
        List<Night> nights = new ArrayList<>();
        for (Path night : candidates) {
            if (chosen.size() == runs) {
                break;
            }
            Optional<double[]> theirs = forks(night);
            Night n;
            if (mine.isEmpty() || theirs.isEmpty()) {
                n = new Night(night, Optional.empty(), true);
            } else {
                Comparison c = Comparison.of(theirs.get(), mine.get(), criteria.bootstrap());
                // one row, judged by the judge every comparison goes through (a single test: nothing to adjust)
                Change verdict = racebench.stats.Judge.judge(List.of(c), new boolean[] {false},
                        List.of(Optional.empty()), criteria, racebench.stats.AlarmBudget.DEFAULT).getFirst().verdict();
                n = new Night(night, Optional.of(c), verdict != Change.REGRESSION && verdict != Change.IMPROVEMENT);
            }
            nights.add(n);
            if (n.comparable()) {
                chosen.add(night);
            }
        }
        return new Selection(chosen, nights);
    }

    public static void write(Selection selection, Path target) throws IOException {
        Csv.write(target, HEADER, selection.nights(), Night::cells);
    }

    /** The check's fork means in a run, if it measured the check with at least two forks. */
    static Optional<double[]> forks(Path run) throws IOException {
        for (Map.Entry<racebench.bench.RowId, List<Double>> e : RunComparison.forkMeans(run).entrySet()) {
            if (e.getKey().benchmark().equals(BENCHMARK) && e.getValue().size() >= 2) {
                return Optional.of(e.getValue().stream().mapToDouble(Double::doubleValue).toArray());
            }
        }
        return Optional.empty();
    }
}
