package racebench.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Spreads from nights of pairs and plain nights, each side centred on itself; a damaged side gives none. */
class RowSpreadsTest {
    private static final RowId ROW = new RowId("LockBenchmark.increment", RowId.DEFAULT_MODE, "{counter=ATOMIC, threads=2}");

    private static void forks(Path night, String file, double... means) throws IOException {
        Files.createDirectories(night);
        StringBuilder csv = new StringBuilder("benchmark,params,unit,fork,mean\r\n");
        for (int f = 0; f < means.length; f++) {
            csv.append(String.format(Locale.ROOT, "LockBenchmark.increment,\"{counter=ATOMIC, threads=2}\",ns/op,%d,%.9f\r\n",
                    f + 1, means[f]));
        }
        Files.writeString(night.resolve(file), csv);
    }

    @Test
    void bothSidesOfANightOfPairsAndEachNightCountOnTheirOwnLevel(@TempDir Path tmp) throws IOException {
        Path pairs = tmp.resolve("20261205-010000-nightly");
        forks(pairs, RunComparison.FORKS_FILE, Math.exp(0.0), Math.exp(0.2));       // ±0.1
        forks(pairs, RunComparison.BASE_FORKS_FILE, Math.exp(2.0), Math.exp(2.4));  // ±0.2, another level
        Path plain = tmp.resolve("20261204-010000-nightly");
        forks(plain, RunComparison.FORKS_FILE, 5.0);                                 // one fork: no spread
        Map<RowId, Double> spreads = RowSpreads.of(List.of(pairs, plain));
        assertEquals(Math.sqrt(0.05), spreads.get(ROW), 1e-9);
    }

    @Test
    void aDamagedBaseSideIsLeftOutAndARowWithoutDegreesOfFreedomHasNoSpread(@TempDir Path tmp) throws IOException {
        Path night = tmp.resolve("20261205-010000-nightly");
        forks(night, RunComparison.FORKS_FILE, Math.exp(0.0), Math.exp(0.2));
        Files.writeString(night.resolve(RunComparison.BASE_FORKS_FILE), "benchmark,params,unit,fork,mean\r\n\"broken");
        assertEquals(0.1 * Math.sqrt(2), RowSpreads.of(List.of(night)).get(ROW), 1e-9);
        Path lone = tmp.resolve("20261206-010000-nightly");
        forks(lone, RunComparison.FORKS_FILE, 3.0);
        assertFalse(RowSpreads.of(List.of(lone)).containsKey(ROW));
    }
}
