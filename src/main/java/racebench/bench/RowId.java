package racebench.bench;

import racebench.results.ParamColumns;

import java.util.Map;

/**
 * Which row a number belongs to: a benchmark, its JMH mode and its parameter values. Every
 * step from measuring to comparing names a row by it; files spell it in the columns
 * {@code benchmark}, {@code mode} and one {@code param_<name>} column per parameter
 * ({@link racebench.results.ParamColumns}).
 *
 * @param benchmark the benchmark's simple name, {@code Class.method}
 * @param mode      JMH's mode label (avgt, thrpt, sample, ss)
 * @param params    the parameters as files spell them, {@code {a=1, b=2}} sorted by name; {@code {}} for none
 */
public record RowId(String benchmark, String mode, String params) implements Comparable<RowId> {
    /** Average time, the mode of every racebench benchmark, and of a file written before modes were recorded. */
    public static final String DEFAULT_MODE = "avgt";

    public RowId {
        mode = mode == null || mode.isEmpty() ? DEFAULT_MODE : mode;
    }

    public static RowId of(String benchmark, String mode, Map<String, String> params) {
        return new RowId(benchmark, mode, ParamColumns.spell(params));
    }

    /** "Class.method {a=1}", and the mode after it when it is not average time. */
    public String label() {
        return benchmark + " " + params + (mode.equals(DEFAULT_MODE) ? "" : " " + mode);
    }

    /** Whether a score of this mode is a rate (higher is better) rather than a time. */
    public boolean isRate() {
        return mode.equals("thrpt");
    }

    @Override
    public int compareTo(RowId o) {
        return java.util.Comparator.comparing(RowId::benchmark).thenComparing(RowId::mode).thenComparing(RowId::params)
                .compare(this, o);
    }
}
