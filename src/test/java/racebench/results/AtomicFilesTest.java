package racebench.results;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AtomicFilesTest {

    @Tag("fault")
    @Test
    void aFileWrittenAtomicallyHasTheModeThePlainWayGivesItUnderThisUmask(@TempDir Path dir) throws IOException {
        Path plain = Files.writeString(dir.resolve("plain.csv"), "a\n"); // 0666 less the umask
        Path atomic = dir.resolve("atomic.csv");
        AtomicFiles.write(atomic, out -> out.write("a\n"));
        assertEquals("a\n", Files.readString(atomic));
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(atomic));
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary file left");
        }
    }
}
