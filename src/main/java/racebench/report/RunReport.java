package racebench.report;

import org.apache.commons.csv.CSVRecord;
import racebench.results.AtomicFiles;
import racebench.results.Completion;
import racebench.results.Csv;
import racebench.results.ResultFormat;
import racebench.results.RunDirectory;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code index.html} of a run directory, built from the run's own CSV files (and, for a
 * nightly, the results directory's history.csv), so that any run, old or new, can be drawn
 * again by {@code ./racebench report DIR}. What the page shows depends on which files the
 * run wrote: race.csv, bench.csv, compare.csv, calibrate.csv.
 */
public final class RunReport {
    public static final String FILE = "index.html";

    /** What was written: the page, how many charts it has, its size in bytes. */
    public record Written(Path file, int charts, long bytes) {
        public String describe() {
            return String.format(Locale.ROOT, "%s (%d charts, %,d KB)", file, charts, (bytes + 1023) / 1024);
        }
    }

    private RunReport() {
    }

    /** Writes the run's report; a failure to draw it is reported on the console and never fails the run. */
    public static void writeFor(Path run, PrintWriter console) {
        try {
            console.printf("report: %s%n", write(run).describe());
        } catch (IOException | RuntimeException | LinkageError | InternalError | java.awt.AWTError e) {
            // a JDK without fonts or native AWT throws Errors here: the run's results are written, its page is optional
            console.printf("report: index.html not written (%s); the CSV files are complete%n", e);
        }
        console.flush();
    }

    public static Written write(Path run) throws IOException {
        return write(run, false);
    }

    /**
     * A finished run's last steps: its page drawn once from its files, then complete.csv, which
     * marks the run finished (a run without it was interrupted, or its tool failed).
     */
    public static void finish(RunDirectory run, PrintWriter console, Completion.Status status,
                              Map<String, String> facts) throws IOException {
        writeFor(run.path(), console);
        Completion.mark(run, status, java.time.Instant.now(), facts);
    }

    /**
     * @param charts also write each chart as a PNG file of its own under {@code charts/}
     *               (numbered, named after its title), for a README or a slide
     */
    public static Written write(Path run, boolean charts) throws IOException {
        if (!Files.isDirectory(run)) {
            throw new IllegalArgumentException(run + " is not a run directory");
        }
        ResultFormat.checkReadable(run);
        Map<String, String> env = environment(run.resolve("environment.csv"));
        String name = run.getFileName().toString();
        HtmlPage page = new HtmlPage("racebench " + name.substring(name.lastIndexOf('-') + 1) + ": " + name,
                subtitle(env));
        boolean any = false;
        if (Files.isRegularFile(run.resolve("race.csv"))) {
            RaceSection.add(page, Csv.read(run.resolve("race.csv")), read(run.resolve("race-configurations.csv")),
                    read(run.resolve("race-outcomes.csv")), read(run.resolve("race-values.csv")));
            any = true;
        }
        if (Files.isRegularFile(run.resolve("compare.csv"))) {
            ComparisonSection.add(page, Csv.read(run.resolve("compare.csv")));
            any = true;
        }
        Path history = run.toAbsolutePath().getParent().resolve("history.csv");
        if (Files.isRegularFile(history)) {
            TrendSection.add(page, name, Csv.read(history), read(run.resolve("change-points.csv")),
                    read(run.resolve("compare.csv")));
        }
        if (Files.isRegularFile(run.resolve("bench.csv"))) {
            int cores = Integer.parseInt(env.getOrDefault("cores",
                    Integer.toString(Runtime.getRuntime().availableProcessors())));
            BenchSection.add(page, Csv.read(run.resolve("bench.csv")), cores);
            any = true;
        }
        if (Files.isRegularFile(run.resolve("calibrate.csv"))) {
            CalibrationSection.add(page, Csv.read(run.resolve("calibrate.csv")));
            any = true;
        }
        if (!any) {
            throw new IllegalArgumentException(run + " has none of race.csv, bench.csv, compare.csv, calibrate.csv");
        }
        files(page, run);
        String html = page.render();
        Path file = run.resolve(FILE);
        AtomicFiles.write(file, out -> out.write(html));
        if (charts) {
            Path dir = run.resolve("charts");
            if (Files.isSymbolicLink(dir)) { // written through, the PNGs would land wherever the link points
                throw new IllegalArgumentException(dir + " is a symbolic link; remove it or name another run");
            }
            Files.createDirectories(dir);
            int i = 1;
            for (ChartImage image : page.images()) {
                String slug = image.title().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                        .replaceAll("^-|-$", "");
                AtomicFiles.write(dir.resolve(String.format(Locale.ROOT, "%02d-%s.png", i++,
                        slug.substring(0, Math.min(60, slug.length())))), image.png()); // replaces a link, never follows it
            }
        }
        return new Written(file, page.charts(), Files.size(file));
    }

    private static void files(HtmlPage page, Path run) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (Stream<Path> files = Files.list(run)) {
            for (Path f : files.sorted().toList()) {
                String n = f.getFileName().toString();
                if (!n.startsWith(".") && !n.equals(FILE)) {
                    rows.add(List.of(n + (Files.isDirectory(f) ? "/" : ""),
                            Files.isDirectory(f) ? "" : String.format(Locale.ROOT, "%,d", Files.size(f))));
                }
            }
        }
        page.heading("Files of this run (results/README.md says what each holds)");
        page.table(List.of("file", "bytes"), rows, "");
    }

    private static String subtitle(Map<String, String> env) {
        if (env.isEmpty()) {
            return "no environment.csv in this run";
        }
        return String.join(" · ", Stream.of(
                env.getOrDefault("start", "") + (env.containsKey("end") ? " to " + env.get("end") : ""),
                env.getOrDefault("cpu_model", "") + (env.containsKey("cores") ? ", " + env.get("cores") + " cores" : ""),
                env.getOrDefault("os", ""), env.getOrDefault("jdk", ""),
                env.containsKey("git_commit") ? "commit " + env.get("git_commit").substring(0,
                        Math.min(10, env.get("git_commit").length())) : "",
                env.containsKey("profile") ? "profile " + env.get("profile") : "",
                env.containsKey("mode") ? "mode " + env.get("mode") : "").filter(s -> !s.isBlank()).toList());
    }

    private static Map<String, String> environment(Path file) throws IOException {
        return Files.isRegularFile(file) ? Csv.readFacts(file) : Map.of();
    }

    private static List<CSVRecord> read(Path file) throws IOException {
        return Files.isRegularFile(file) ? Csv.read(file) : List.of();
    }
}
