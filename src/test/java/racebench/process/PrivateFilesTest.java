package racebench.process;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("fault")
class PrivateFilesTest {

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void aCacheDirectoryIsCreatedOwnerOnlyAndAWideOneIsNarrowed(@TempDir Path home) throws IOException {
        Path fresh = PrivateFiles.privateDir(home.resolve("fresh"));
        assertEquals("rwx------", mode(fresh));
        Path wide = Files.createDirectory(home.resolve("wide"));
        Files.setPosixFilePermissions(wide, PosixFilePermissions.fromString("rwxrwxrwx"));
        PrivateFiles.privateDir(wide);
        assertEquals("rwx------", mode(wide));
    }

    @Test
    void aMissingUserCacheDirectoryIsCreatedWithItsParents(@TempDir Path home) throws IOException {
        Path base = home.resolve("nobody-yet").resolve(".cache");
        Path dir = PrivateFiles.cacheDir(base, "aot");
        assertEquals(base.resolve("racebench").resolve("aot"), dir);
        assertTrue(Files.isDirectory(dir));
        assertEquals("rwx------", mode(base));
        assertEquals("rwx------", mode(base.resolve("racebench")));
        assertEquals("rwx------", mode(dir));
        assertEquals(dir, PrivateFiles.cacheDir(base, "aot")); // and again, now that it is there
    }

    @Test
    void aSymbolicLinkOrAFileInItsPlaceIsRefused(@TempDir Path home) throws IOException {
        Path elsewhere = Files.createDirectory(home.resolve("elsewhere"));
        Path link = Files.createSymbolicLink(home.resolve("cache"), elsewhere);
        IOException e = assertThrows(IOException.class, () -> PrivateFiles.privateDir(link));
        assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
        Path file = Files.writeString(home.resolve("file"), "x");
        assertThrows(IOException.class, () -> PrivateFiles.privateDir(file));
    }

    @Test
    void aTemporaryDirectoryIsOwnerOnlyAndDeletedWithItsContents() throws IOException {
        Path dir = PrivateFiles.temporaryDir("racebench-test-");
        assertEquals("rwx------", mode(dir));
        Files.writeString(Files.createDirectory(dir.resolve("sub")).resolve("f"), "x");
        PrivateFiles.delete(dir);
        assertFalse(Files.exists(dir));
    }

    @Test
    void pruneKeepsTheNewestMatchingFilesOnly(@TempDir Path dir) throws IOException {
        for (int i = 0; i < 5; i++) {
            Path f = Files.writeString(dir.resolve("worker-" + i + ".aot"), "x");
            Files.setLastModifiedTime(f, FileTime.fromMillis(1_000_000L * (i + 1)));
        }
        Files.writeString(dir.resolve("other.txt"), "x");
        // foreign things with racebench's names: an empty folder, a folder with a file, a link to a file elsewhere
        Files.createDirectory(dir.resolve("worker-a.aot"));
        Files.writeString(Files.createDirectory(dir.resolve("worker-b.aot")).resolve("keep"), "x");
        Path elsewhere = Files.writeString(Files.createTempFile("racebench-test-", ".txt"), "theirs");
        Files.createSymbolicLink(dir.resolve("worker-c.aot"), elsewhere);
        for (String old : List.of("worker-a.aot", "worker-b.aot")) {
            Files.setLastModifiedTime(dir.resolve(old), FileTime.fromMillis(1));
        }
        PrivateFiles.prune(dir, "worker-*.aot", 2);
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of("other.txt", "worker-3.aot", "worker-4.aot", "worker-a.aot", "worker-b.aot",
                    "worker-c.aot"), left.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertEquals("theirs", Files.readString(elsewhere), "a link's target is never touched");
        Files.delete(elsewhere);
    }

    @Test
    void deletingATemporaryDirectoryRemovesALinkInItButNeverWhatTheLinkPointsTo() throws IOException {
        Path dir = PrivateFiles.temporaryDir("racebench-test-");
        Path outside = Files.createTempDirectory("racebench-test-outside-");
        Path theirs = Files.writeString(outside.resolve("theirs.txt"), "theirs");
        Files.createSymbolicLink(dir.resolve("link"), outside);
        Files.createSymbolicLink(dir.resolve("file-link"), theirs);
        PrivateFiles.delete(dir);
        assertFalse(Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS));
        assertEquals("theirs", Files.readString(theirs));
        Files.delete(theirs);
        Files.delete(outside);
    }

    @Test
    void theTemporaryDirectoriesOfARacebenchThatIsGoneAreSweptAndNothingElse(@TempDir Path tmp) throws IOException {
        // a killed racebench's: named as racebench names them, its marker unlocked now its process is gone
        Path orphan = Files.createDirectory(tmp.resolve("racebench-jcstress-4242-42"));
        Files.writeString(orphan.resolve(PrivateFiles.MARKER), "");
        Files.writeString(Files.createDirectory(orphan.resolve("sub")).resolve("f"), "left by kill -9");
        // a live run's: its marker held locked (here by this process)
        Path live = Files.createDirectory(tmp.resolve("racebench-builds-4243-7"));
        try (java.nio.channels.FileChannel held = java.nio.channels.FileChannel.open(
                Files.writeString(live.resolve(PrivateFiles.MARKER), ""), java.nio.file.StandardOpenOption.WRITE);
             java.nio.channels.FileLock lock = held.lock()) {
            // a user's folder with a name like racebench's and no marker; a file and a link with racebench's names
            Path users = Files.createDirectory(tmp.resolve("racebench-test-2025-06"));
            Files.writeString(users.resolve("notes.txt"), "someone's");
            Path file = Files.writeString(tmp.resolve("racebench-ipc-4244-1"), "a file, not racebench's");
            Path elsewhere = Files.createDirectory(tmp.resolve("elsewhere"));
            Files.writeString(elsewhere.resolve(PrivateFiles.MARKER), "");
            Path link = Files.createSymbolicLink(tmp.resolve("racebench-ipc-4245-2"), elsewhere);
            Path otherName = Files.createDirectory(tmp.resolve("racebench-results-4246-1"));
            Files.writeString(otherName.resolve(PrivateFiles.MARKER), "");

            PrivateFiles.sweep(tmp);

            assertFalse(Files.exists(orphan), "a dead run's directory and what is in it");
            assertTrue(Files.isDirectory(live), "a live run's");
            assertTrue(Files.isRegularFile(users.resolve("notes.txt")), "no marker: not racebench's");
            assertTrue(Files.isRegularFile(file));
            assertTrue(Files.isSymbolicLink(link));
            assertTrue(Files.isRegularFile(elsewhere.resolve(PrivateFiles.MARKER)), "a link's target is never swept");
            assertTrue(Files.isDirectory(otherName), "a kind of directory racebench does not make");
        }
    }

    @Test
    void aTemporaryDirectoryNamesTheProcessThatMadeItAndHoldsItsMarkerLocked() throws IOException {
        Path dir = PrivateFiles.temporaryDir("racebench-test-");
        assertTrue(dir.getFileName().toString().startsWith("racebench-test-" + ProcessHandle.current().pid() + "-"),
                dir.toString());
        PrivateFiles.sweep(dir.getParent());
        assertTrue(Files.isDirectory(dir), "the sweep leaves a live process's directory");
        PrivateFiles.delete(dir);
        assertFalse(Files.exists(dir));
    }
}
