package racebench.results;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * racebench's CSV dialect: RFC 4180 through commons-csv, a header row, UTF-8, CRLF, and
 * numbers formatted in {@link Locale#ROOT} whatever the user's locale, so a spreadsheet in
 * a comma-decimal locale reads the same file as one in the US.
 */
public final class Csv {

    /** One row of a table: the cell values, in header order. */
    @FunctionalInterface
    public interface RowWriter<T> {
        List<?> cells(T row);
    }

    private Csv() {
    }

    public static <T> void write(Path target, List<String> header, List<T> rows, RowWriter<T> toCells) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get();
        AtomicFiles.write(target, out -> {
            try (CSVPrinter printer = new CSVPrinter(out, format)) {
                for (T row : rows) {
                    printer.printRecord(toCells.cells(row));
                }
            }
        });
    }

    public static List<CSVRecord> read(Path source) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader in = Files.newBufferedReader(source, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(in, format)) {
            return new ArrayList<>(parser.getRecords());
        }
    }

    /**
     * A file of facts, one "key,value" row each (environment.csv, complete.csv, accepted.csv),
     * in file order; a later row of the same key wins.
     */
    public static java.util.Map<String, String> readFacts(Path source) throws IOException {
        java.util.Map<String, String> facts = new java.util.LinkedHashMap<>();
        for (CSVRecord r : read(source)) {
            facts.put(r.get("key"), r.get("value"));
        }
        return facts;
    }

    /** Writes facts as {@link #readFacts} reads them, atomically. */
    public static void writeFacts(Path target, java.util.Map<String, String> facts) throws IOException {
        write(target, List.of("key", "value"), List.copyOf(facts.entrySet()), e -> List.of(e.getKey(), e.getValue()));
    }

    /** A number as a cell: {@link Locale#ROOT}, no grouping, NaN as an empty cell. */
    public static String number(double value, int decimals) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "";
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** A rate or other small number as a cell: {@link Locale#ROOT}, four significant digits, NaN as an empty cell. */
    public static String scientific(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "";
        }
        return String.format(Locale.ROOT, "%.3e", value);
    }
}
