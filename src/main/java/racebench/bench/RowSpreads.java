package racebench.bench;

import racebench.stats.DetectableEffect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How much each row's forks spread in the baseline runs, before this run: the pooled standard
 * deviation of ln(fork mean) over every side of every run ({@link DetectableEffect#pooledLogSpread}),
 * each run's side centred on its own mean so that the machine's drift between runs is not
 * counted. A run of pairs gives two sides (its own forks and its base build's). This run's rows
 * are judged at the change this spread lets them detect as well as at the noise threshold.
 */
public final class RowSpreads {

    private RowSpreads() {
    }

    /** Row to its spread, for the rows with at least one degree of freedom in {@code runs}. */
    public static Map<RowId, Double> of(List<Path> nights) {
        Map<RowId, List<double[]>> groups = new LinkedHashMap<>();
        for (Path night : nights) {
            for (String file : List.of(RunComparison.FORKS_FILE, RunComparison.BASE_FORKS_FILE)) {
                if (!Files.isRegularFile(night.resolve(file))) {
                    continue; // a night that measured no base build beside its own has no base-forks.csv
                }
                Map<RowId, List<Double>> means;
                try {
                    means = RunComparison.forkMeans(night, file);
                } catch (IOException | IllegalArgumentException e) {
                    continue; // a side that cannot be read gives no spread; the baseline check already read the forks
                }
                means.forEach((row, m) -> groups.computeIfAbsent(row, k -> new ArrayList<>())
                        .add(m.stream().mapToDouble(Double::doubleValue).toArray()));
            }
        }
        Map<RowId, Double> spreads = new LinkedHashMap<>();
        groups.forEach((row, g) -> DetectableEffect.pooledLogSpread(g).ifPresent(s -> spreads.put(row, s)));
        return spreads;
    }
}
