package racebench.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which version of the result files a run directory holds, recorded as {@value #FACT} in its
 * environment.csv. Format 1 (no such fact) kept a row's parameters in one {@code params} cell
 * and race.csv's lists and fractions as text; format 2 has a column per parameter, counts and
 * fractions as numbers, race-values.csv, and complete.csv in every finished run. This
 * racebench reads both, and refuses a run of a newer format rather than misread it.
 */
public final class ResultFormat {
    /** The format this racebench writes. */
    public static final int VERSION = 2;
    /** environment.csv's key. */
    public static final String FACT = "format_version";

    private ResultFormat() {
    }

    /** The run's format: its environment.csv's fact, 1 when it has none (or no environment.csv). */
    public static int of(Path run) throws IOException {
        Path file = run.resolve("environment.csv");
        if (!Files.isRegularFile(file)) {
            return 1;
        }
        String value = Csv.readFacts(file).get(FACT);
        if (value == null) {
            return 1;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(run + "'s environment.csv has " + FACT + " '" + value
                    + "', not a number");
        }
    }

    /** Throws IllegalArgumentException, one line, when the run was written in a format this racebench cannot read. */
    public static void checkReadable(Path run) throws IOException {
        int format = of(run);
        if (format > VERSION) {
            throw new IllegalArgumentException(run + " holds result format " + format + "; this racebench reads "
                    + "formats 1 to " + VERSION + ": read it with the racebench that wrote it, or a newer one");
        }
    }
}
