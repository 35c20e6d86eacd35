package racebench.results;

import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Checks a real run directory against results/README.md, the reference of every result file:
 * each CSV file the run wrote is documented for a run of its kind, each column it has is named
 * there (in backticks), and each column named there is in the file. A fact file's keys
 * (environment.csv, complete.csv) vary with the run, so only "every key is documented" holds for them.
 */
public final class ResultFilesDoc {
    private static final Path README = Path.of("results", "README.md");
    private static final Pattern SECTION = Pattern.compile("^## An? `([a-z]+)` run");
    private static final Pattern ROW = Pattern.compile("^\\| (`[^|]*`) \\| ([^|]*) \\| (.*) \\|$");
    private static final Pattern TICKED = Pattern.compile("`([^`]+)`");
    private static final Pattern SAME_AS = Pattern.compile("^as `([^`]+\\.csv)`");
    private static final Pattern COLUMN = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Set<String> FACT_FILES = Set.of("environment.csv", "complete.csv", "accepted.csv");

    /** One documented file: the columns its row names, or the file whose columns it shares ("as bench-forks.csv"). */
    private record Documented(List<String> columns, String sameAs) {
    }

    private ResultFilesDoc() {
    }

    /** Documented files by run kind, in the order results/README.md has them. */
    static Map<String, Map<String, List<Documented>>> read() throws IOException {
        Map<String, Map<String, List<Documented>>> kinds = new LinkedHashMap<>();
        String kind = "";
        for (String line : Files.readAllLines(README, StandardCharsets.UTF_8)) {
            Matcher section = SECTION.matcher(line);
            if (section.find()) {
                kind = section.group(1);
                kinds.computeIfAbsent(kind, k -> new LinkedHashMap<>());
                continue;
            } else if (line.startsWith("## ")) {
                kind = "";
            }
            Matcher row = ROW.matcher(line);
            if (!row.matches()) {
                continue;
            }
            List<String> columns = new ArrayList<>();
            Matcher t = TICKED.matcher(row.group(3));
            while (t.find()) {
                if (COLUMN.matcher(t.group(1)).matches()) {
                    columns.add(t.group(1));
                }
            }
            Matcher as = SAME_AS.matcher(row.group(3));
            String sameAs = as.find() ? as.group(1) : null;
            Matcher files = TICKED.matcher(row.group(1));
            while (files.find()) {
                kinds.computeIfAbsent(kind, k -> new LinkedHashMap<>())
                        .computeIfAbsent(files.group(1), f -> new ArrayList<>()).add(new Documented(columns, sameAs));
            }
        }
        return kinds;
    }

    /** Asserts that every CSV file of {@code run}, a run of {@code kind} (race, bench, nightly, compare, ab, calibrate), is as documented. */
    public static void check(Path run, String kind) throws IOException {
        Map<String, Map<String, List<Documented>>> kinds = read();
        assertTrue(kinds.containsKey(kind), "results/README.md has a section for a " + kind + " run");
        List<Path> csvs;
        try (Stream<Path> files = Files.list(run)) {
            csvs = files.filter(f -> f.getFileName().toString().endsWith(".csv")).sorted().toList();
        }
        assertFalse(csvs.isEmpty(), run + " has CSV files");
        for (Path csv : csvs) {
            String name = csv.getFileName().toString();
            if (FACT_FILES.contains(name)) {
                Set<String> documented = new LinkedHashSet<>();
                kinds.values().forEach(files -> files.getOrDefault(name, List.of())
                        .forEach(d -> documented.addAll(d.columns())));
                for (String key : Csv.readFacts(csv).keySet()) {
                    if (!key.startsWith(ParamColumns.PREFIX)) {
                        assertTrue(documented.contains(key), name + "'s key " + key + " is documented in " + README);
                    }
                }
                continue;
            }
            List<String> documented = columns(kinds, kind, name);
            List<String> header;
            List<CSVRecord> records = Csv.read(csv);
            try (var reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
                header = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                        .parse(reader).getHeaderNames();
            }
            List<String> fixed = header.stream().filter(h -> !h.startsWith(ParamColumns.PREFIX)).toList();
            assertEquals(List.copyOf(new LinkedHashSet<>(documented)), fixed,
                    name + " of a " + kind + " run: its columns as " + README + " names them (" + records.size()
                            + " rows)");
        }
    }

    /** The columns documented for {@code file} in a run of {@code kind}: its own section first, then any other. */
    private static List<String> columns(Map<String, Map<String, List<Documented>>> kinds, String kind, String file) {
        List<String> order = new ArrayList<>(List.of(kind));
        kinds.keySet().stream().filter(k -> !k.equals(kind)).forEach(order::add);
        for (String k : order) {
            for (Documented d : kinds.get(k).getOrDefault(file, List.of())) {
                if (!d.columns().isEmpty()) {
                    return d.columns();
                }
                if (d.sameAs() != null && !d.sameAs().equals(file)) {
                    return columns(kinds, kind, d.sameAs());
                }
            }
        }
        throw new AssertionError(file + " of a " + kind + " run is not documented in " + README);
    }
}
