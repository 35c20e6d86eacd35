package racebench.results;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ParamColumnsTest {

    @Test
    void aRowsParametersAreOneColumnEachAndReadBackAsTheSameRow(@TempDir Path dir) throws IOException {
        String cpu = ParamColumns.spell(Map.of("tasks", "8", "strategy", "FIXED_POOL"));
        String ipc = ParamColumns.spell(Map.of("bytes", "4096"));
        List<String> names = ParamColumns.names(List.of(cpu, ipc, "{}"));
        assertEquals(List.of("bytes", "strategy", "tasks"), names);
        assertEquals(List.of("b", "param_bytes", "param_strategy", "param_tasks"),
                ParamColumns.header(List.of("b"), names));
        assertEquals(List.of("", "FIXED_POOL", "8"), ParamColumns.cells(cpu, names));

        Path file = dir.resolve("rows.csv");
        List<String> rows = List.of(cpu, ipc, "{}");
        Csv.write(file, ParamColumns.header(List.of("benchmark"), names), rows, r -> {
            List<Object> cells = new java.util.ArrayList<>(List.of("X.x"));
            cells.addAll(ParamColumns.cells(r, names));
            return cells;
        });
        List<CSVRecord> read = Csv.read(file);
        assertEquals(rows, read.stream().map(ParamColumns::read).toList());
    }

    @Test
    void aFileOfTheFirstFormatIsReadFromItsParamsColumn(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bench-forks.csv");
        Files.writeString(file, "benchmark,params,unit,fork,mean\r\nX.x,\"{bytes=8, transport=PIPE}\",us/op,1,2.0\r\n");
        CSVRecord r = Csv.read(file).getFirst();
        assertEquals("{bytes=8, transport=PIPE}", ParamColumns.read(r));
        assertEquals(Map.of("bytes", "8", "transport", "PIPE"), ParamColumns.parse(ParamColumns.read(r)));
    }

    @Test
    void aValueWithAnEqualsSignSurvivesParsing() {
        assertEquals(Map.of("expr", "a=b"), ParamColumns.parse(ParamColumns.spell(Map.of("expr", "a=b"))));
        assertEquals(Map.of(), ParamColumns.parse("{}"));
    }

    @Test
    void aValueThatHoldsACommaAndAnEqualsSignIsOneValue() {
        java.util.Map<String, String> values = java.util.Map.of("csv", "a, b, c", "expr", "x=1, y", "n", "8");
        String spelled = ParamColumns.spell(values);
        assertEquals(new java.util.TreeMap<>(values), ParamColumns.parse(spelled), spelled);
        assertEquals(List.of("a, b, c", "x=1, y", "8"), ParamColumns.cells(spelled, List.of("csv", "expr", "n")));
    }
}
