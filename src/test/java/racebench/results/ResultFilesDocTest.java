package racebench.results;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The documentation check fails on a column or key results/README.md does not name, and passes on one it does. */
class ResultFilesDocTest {
    private static final String FORKS = "benchmark,mode,unit,fork,mean,cv,iterations,trimmed";

    @Test
    void aDocumentedRunPassesAndAnUndocumentedColumnOrKeyFails(@TempDir Path run) throws IOException {
        Files.writeString(run.resolve("bench-forks.csv"), FORKS + ",param_size\r\nA.b,avgt,us/op,1,2.0,0.01,5,0,8\r\n");
        Files.writeString(run.resolve("complete.csv"), "key,value\r\nstatus,OK\r\nend,2026-12-07T00:00:00Z\r\n");
        assertDoesNotThrow(() -> ResultFilesDoc.check(run, "bench"));

        Files.writeString(run.resolve("bench-forks.csv"), FORKS + ",bogus\r\nA.b,avgt,us/op,1,2.0,0.01,5,0,x\r\n");
        AssertionFailedError column = assertThrows(AssertionFailedError.class, () -> ResultFilesDoc.check(run, "bench"));
        assertTrue(column.getMessage().contains("bench-forks.csv"), column.getMessage());

        Files.writeString(run.resolve("bench-forks.csv"), FORKS + "\r\nA.b,avgt,us/op,1,2.0,0.01,5,0\r\n");
        Files.writeString(run.resolve("complete.csv"), "key,value\r\nstatus,OK\r\nbogus_fact,1\r\n");
        AssertionFailedError key = assertThrows(AssertionFailedError.class, () -> ResultFilesDoc.check(run, "bench"));
        assertTrue(key.getMessage().contains("bogus_fact"), key.getMessage());

        Files.writeString(run.resolve("complete.csv"), "key,value\r\nstatus,OK\r\n");
        Files.writeString(run.resolve("mystery.csv"), "a\r\n1\r\n");
        assertThrows(AssertionError.class, () -> ResultFilesDoc.check(run, "bench"));
    }
}
