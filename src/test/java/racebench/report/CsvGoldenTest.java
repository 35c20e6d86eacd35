package racebench.report;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import racebench.race.OutcomeModel;
import racebench.race.RaceReport;
import racebench.race.VariantResult;
import racebench.race.Verdict;
import racebench.workload.counter.CounterKind.Expectation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** race.csv and race-configurations.csv byte for byte, in the root locale and a comma-decimal one. */
class CsvGoldenTest {
    private final Locale saved = Locale.getDefault();

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(saved);
    }

    static List<VariantResult> variants() {
        return List.of(
                new VariantResult("racebench.stress.LostUpdate.Racy", "Racy", Expectation.RACY, 661_659_914, 74, 0,
                        new TreeSet<>(List.of(0, 1, 4)), OutcomeModel.reachable(1, 4), 14, 1, Verdict.REPRODUCED),
                new VariantResult("racebench.stress.LostUpdate.Synchronized", "Synchronized", Expectation.SAFE,
                        3_909_727, 0, 0, new TreeSet<>(List.of(0)), OutcomeModel.reachable(1, 4), 14, 0, Verdict.SAFE),
                new VariantResult("racebench.stress.LostUpdate.UserCounter", "com.example.Counter, \"v2\"",
                        Expectation.SAFE, 10, 0, 2, new TreeSet<>(List.of(-1, 0)), OutcomeModel.reachable(1, 4),
                        1, 1, Verdict.RACE));
    }

    static List<RaceReport.ConfigurationRate> rates() {
        return List.of(new RaceReport.ConfigurationRate("racebench.stress.LostUpdate.Racy", "Racy",
                        "actor1=C1 actor2=C1 #0", 76_000_000, 74),
                new RaceReport.ConfigurationRate("racebench.stress.LostUpdate.Racy", "Racy", "unified #0", 0, 0));
    }

    private static void assertGolden(String golden, Path actual) throws IOException {
        try (InputStream in = CsvGoldenTest.class.getResourceAsStream("/golden/" + golden)) {
            assertNotNull(in, golden);
            assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    Files.readString(actual, StandardCharsets.UTF_8), golden);
        }
    }

    private static void writeAndCompare(Path dir) throws IOException {
        Csv.write(dir.resolve("race.csv"), VariantResult.HEADER, variants(), VariantResult::cells);
        Csv.write(dir.resolve("rates.csv"), RaceReport.ConfigurationRate.HEADER, rates(),
                RaceReport.ConfigurationRate::cells);
        assertGolden("race.csv", dir.resolve("race.csv"));
        assertGolden("race-configurations.csv", dir.resolve("rates.csv"));
    }

    @Test
    void rootLocale(@TempDir Path dir) throws IOException {
        Locale.setDefault(Locale.ROOT);
        writeAndCompare(dir);
    }

    @Test
    void commaDecimalLocaleWritesTheSameBytes(@TempDir Path dir) throws IOException {
        Locale.setDefault(Locale.GERMANY);
        writeAndCompare(dir);
    }

    @Test
    void readBackGivesTheSameCells(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("race.csv");
        Csv.write(file, VariantResult.HEADER, variants(), VariantResult::cells);
        var rows = Csv.read(file);
        assertEquals(3, rows.size());
        assertEquals("com.example.Counter, \"v2\"", rows.get(2).get("variant"));
        assertEquals("-4 -3 -1 0 1 3 4", rows.get(0).get("outcomes_possible"));
    }
}
