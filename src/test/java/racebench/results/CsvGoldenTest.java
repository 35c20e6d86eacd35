package racebench.results;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import racebench.race.OutcomeModel;
import racebench.race.ConfigurationRate;
import racebench.race.Proof;
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
import java.util.Map;
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

    private static final String RACY = "racebench.stress.LostUpdate.RacyVolatile";
    private static final String FIX = "racebench.stress.LostUpdate.Synchronized";

    static List<ConfigurationRate.Line> lines() {
        ConfigurationRate twin = new ConfigurationRate(RACY, "RacyVolatile", "actor1=C1 actor2=C2", 15_869_971, 15_044);
        return List.of(new ConfigurationRate.Line(twin, null, null),
                new ConfigurationRate.Line(new ConfigurationRate(RACY, "RacyVolatile", "unified", 0, 0), null, null),
                new ConfigurationRate.Line(new ConfigurationRate(FIX, "Synchronized", "actor1=C1 actor2=C2",
                        21_245_971, 0), "RacyVolatile", twin));
    }

    static List<VariantResult> variants() {
        Proof proof = Proof.of("RacyVolatile", List.of(lines().get(2).rate()),
                Map.of("actor1=C1 actor2=C2", lines().get(0).rate()));
        return List.of(
                new VariantResult(RACY, "RacyVolatile", Expectation.RACY, 15_869_971, 15_044, 0,
                        new TreeSet<>(List.of(0, 1, 4)), OutcomeModel.reachable(1, 4), 2, 1, Verdict.REPRODUCED,
                        null, 1.0),
                new VariantResult(FIX, "Synchronized", Expectation.SAFE, 21_245_971, 0, 0, new TreeSet<>(List.of(0)),
                        OutcomeModel.reachable(1, 4), 1, 0, Verdict.PROVEN, proof, 1.0),
                new VariantResult("racebench.stress.LostUpdate.UserCounter", "com.example.Counter, \"v2\"",
                        Expectation.SAFE, 10, 0, 2, new TreeSet<>(List.of(-1, 0)), OutcomeModel.reachable(1, 4),
                        1, 1, Verdict.RACE, null, Double.NaN));
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
        Csv.write(dir.resolve("rates.csv"), ConfigurationRate.Line.HEADER, lines(), ConfigurationRate.Line::cells);
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
    void theValuesAVariantCouldLeaveAndLeftAreRowsOfTheirOwn() {
        List<List<Object>> values = variants().get(0).values();
        assertEquals(7, values.size(), "the seven values two actors can leave");
        assertEquals(List.of(RACY, "RacyVolatile", 4, true, true), values.get(6));
        assertEquals(List.of(RACY, "RacyVolatile", -4, true, false), values.get(0));
        assertEquals(List.of(-1, 0), variants().get(2).values().stream()
                .filter(v -> v.get(4).equals(true)).map(v -> v.get(2)).toList());
    }

    @Test
    void readBackGivesTheSameCells(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("race.csv");
        Csv.write(file, VariantResult.HEADER, variants(), VariantResult::cells);
        var rows = Csv.read(file);
        assertEquals(3, rows.size());
        assertEquals("com.example.Counter, \"v2\"", rows.get(2).get("variant"));
        assertEquals("7", rows.get(0).get("outcomes_possible"));
        assertEquals("0.4286", rows.get(0).get("coverage"), "3 of the 7 possible values seen");
    }
}
