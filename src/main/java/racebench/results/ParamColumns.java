package racebench.results;

import org.apache.commons.csv.CSVRecord;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How result files spell a row's benchmark parameters: one column per parameter,
 * {@code param_<name>}, its cell the row's value or empty where the row has no such parameter.
 * In memory a row's parameters are one canonical string, {@code {a=1, b=2}} sorted by name;
 * files of format 1 stored that string in a single {@code params} column, and are still read.
 */
public final class ParamColumns {
    /** The prefix of a parameter's column: {@code param_size} holds each row's value of {@code size}. */
    public static final String PREFIX = "param_";
    private static final java.util.regex.Pattern NEXT_PAIR =
            java.util.regex.Pattern.compile(", (?=\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*=)");
    /** Format 1's single column of the canonical string. */
    public static final String LEGACY = "params";

    private ParamColumns() {
    }

    /** The canonical string of a set of parameters: {@code {a=1, b=2}}, sorted by name. */
    public static String spell(Map<String, String> values) {
        return new TreeMap<>(values).toString();
    }

    /**
     * The parameters of a canonical string. A pair ends only where ", " is followed by the next
     * parameter's name and "=" (names are Java fields), so a value may hold ", " itself, as an
     * {@code @Param} value in a user's benchmark can.
     */
    public static SortedMap<String, String> parse(String params) {
        SortedMap<String, String> values = new TreeMap<>();
        String inner = params.strip();
        if (inner.startsWith("{") && inner.endsWith("}")) {
            inner = inner.substring(1, inner.length() - 1);
        }
        for (String pair : NEXT_PAIR.split(inner)) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return values;
    }

    /** The parameter names of some rows' canonical strings, sorted: the file's parameter columns. */
    public static List<String> names(Collection<String> params) {
        TreeSet<String> names = new TreeSet<>();
        params.forEach(p -> names.addAll(parse(p).keySet()));
        return List.copyOf(names);
    }

    /** The header cells of {@code names}. */
    public static List<String> header(List<String> names) {
        return names.stream().map(n -> PREFIX + n).toList();
    }

    /** A row's cells under {@link #header}: its value of each name, empty where it has none. */
    public static List<String> cells(String params, List<String> names) {
        Map<String, String> values = parse(params);
        List<String> cells = new ArrayList<>(names.size());
        names.forEach(n -> cells.add(values.getOrDefault(n, "")));
        return cells;
    }

    /** A record's canonical parameter string, from its {@code param_} columns or, in format 1, its {@code params} column. */
    public static String read(CSVRecord record) {
        if (record.isMapped(LEGACY)) {
            return record.get(LEGACY);
        }
        Map<String, String> values = new TreeMap<>();
        record.getParser().getHeaderNames().stream().filter(h -> h.startsWith(PREFIX)).forEach(h -> {
            String value = record.isSet(h) ? record.get(h) : "";
            if (!value.isEmpty()) {
                values.put(h.substring(PREFIX.length()), value);
            }
        });
        return spell(values);
    }

    /** A header: the columns before the parameters, then the parameters' columns (a file's last). */
    public static List<String> header(List<String> before, List<String> names) {
        List<String> header = new ArrayList<>(before);
        header.addAll(header(names));
        return header;
    }
}
