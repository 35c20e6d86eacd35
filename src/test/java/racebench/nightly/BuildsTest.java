package racebench.nightly;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import racebench.results.Completion;
import racebench.bench.Build;
import racebench.results.RunDirectory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** results/builds/: a night's jar stored by its hash, found again by a later night, checked, and pruned. */
class BuildsTest {

    private static Path jar(Path dir, String name, String content) throws IOException {
        return Files.writeString(Files.createDirectories(dir).resolve(name), content);
    }

    /** A complete nightly run directory whose mark names {@code build} (none when null). */
    private static Path night(Path results, String stamp, String build) throws IOException {
        Path dir = Files.createDirectories(results.resolve(stamp + "-nightly"));
        Completion.mark(RunDirectory.open(dir, Instant.now()), Completion.Status.OK, Instant.now(),
                build == null ? Map.of() : Map.of(Builds.FACT, build));
        return dir;
    }

    @Test
    void aJarIsStoredOnceByItsHashAndClassDirectoriesAreNot(@TempDir Path tmp) throws IOException {
        Path results = tmp.resolve("results");
        Path a = jar(tmp.resolve("a"), "racebench.jar", "build a");
        String name = Builds.store(results, List.of(a.toString())).orElseThrow();
        assertEquals(64, name.length(), "a SHA-256 in hex");
        Path stored = results.resolve(Builds.DIR).resolve(name + ".jar");
        assertEquals("build a", Files.readString(stored));
        assertEquals(List.of(stored.toString()), Builds.stored(results, name).classPath(),
                "tonight's forks run from the stored copy, as a later night's base forks will");
        assertEquals(stored.toString().length(), Builds.stored(results, "f".repeat(64)).classPath().getFirst().length(),
                "any two stored builds: class paths of one length");
        assertEquals(Optional.of(name), Builds.store(results, List.of(jar(tmp.resolve("copy"), "x.jar", "build a")
                .toString())), "the same bytes are the same build");
        try (var files = Files.list(results.resolve(Builds.DIR))) {
            assertEquals(1, files.count(), "stored once, no temporary file left");
        }
        String other = Builds.store(results, List.of(jar(tmp.resolve("b"), "racebench.jar", "build b").toString()))
                .orElseThrow();
        assertFalse(other.equals(name));
        assertTrue(Builds.store(results, List.of(tmp.resolve("classes").toString(), a.toString())).isEmpty(),
                "run from class directories: no one jar to store");
        assertTrue(Builds.store(results, List.of(tmp.resolve("gone.jar").toString())).isEmpty());
    }

    @Test
    void theBaseIsTheNewestCandidateWhoseBuildIsThereIntact(@TempDir Path tmp) throws IOException {
        Path results = tmp.resolve("results");
        String old = Builds.store(results, List.of(jar(tmp, "old.jar", "old").toString())).orElseThrow();
        String damaged = Builds.store(results, List.of(jar(tmp, "new.jar", "new").toString())).orElseThrow();
        Files.writeString(results.resolve(Builds.DIR).resolve(damaged + ".jar"), "not what was stored");
        Path first = night(results, "20261101-020000", old);
        Path second = night(results, "20261102-020000", damaged);
        Path third = night(results, "20261103-020000", "f".repeat(64)); // named, never stored
        Path fourth = night(results, "20261104-020000", null);          // from class directories
        List<String> notes = new ArrayList<>();
        Path copies = Files.createDirectory(tmp.resolve("copies"));
        Builds.Base base = Builds.newest(results, List.of(fourth, third, second, first), copies, notes::add)
                .orElseThrow();
        assertEquals(first, base.night());
        assertEquals(old, base.build().name());
        // the night runs a checked copy of its own, not the file in the results directory
        assertEquals(List.of(copies.resolve(old + ".jar").toString()), base.build().classPath());
        assertEquals("old", Files.readString(copies.resolve(old + ".jar")));
        assertEquals(2, notes.size(), notes.toString());
        assertTrue(notes.get(0).contains("20261103-020000-nightly") && notes.get(0).contains("is gone"), notes.get(0));
        assertTrue(notes.get(1).contains("20261102-020000-nightly") && notes.get(1).contains("damaged"), notes.get(1));
        assertTrue(Builds.newest(results, List.of(fourth), copies, notes::add).isEmpty(), "no stored build: pooled nights");
    }

    @Test
    @org.junit.jupiter.api.Tag("fault")
    void aStoredBuildSwappedAfterItWasStoredIsNeverRun(@TempDir Path tmp) throws IOException {
        Path results = tmp.resolve("results");
        String name = Builds.store(results, List.of(jar(tmp, "a.jar", "build a").toString())).orElseThrow();
        Path copies = Files.createDirectory(tmp.resolve("copies"));
        Build copy = Builds.privateCopy(results, name, copies);
        // someone who can write to the results directory swaps the stored jar mid-night
        Files.writeString(results.resolve(Builds.DIR).resolve(name + ".jar"), "planted code");
        assertEquals("build a", Files.readString(Path.of(copy.classPath().getFirst())), "the copy runs, not the file");
        assertThrows(Builds.Damaged.class, () -> Builds.privateCopy(results, name, copies),
                "a later copy is checked against the build's name");
    }

    @Test
    void pruningKeepsTheBuildsTheGivenNightsNameAndTheirBases(@TempDir Path tmp) throws IOException {
        Path results = tmp.resolve("results");
        String kept = Builds.store(results, List.of(jar(tmp, "k.jar", "kept").toString())).orElseThrow();
        String dropped = Builds.store(results, List.of(jar(tmp, "d.jar", "dropped").toString())).orElseThrow();
        String base = Builds.store(results, List.of(jar(tmp, "b.jar", "a base").toString())).orElseThrow();
        night(results, "20261101-020000", dropped);
        Path recent = night(results, "20261102-020000", kept);
        Completion.mark(RunDirectory.open(recent, Instant.now()), Completion.Status.OK, Instant.now(),
                Map.of(Builds.FACT, kept, Watch.BASE_FACT, base));
        Path part = Files.writeString(results.resolve(Builds.DIR).resolve(".part-1.jar"), "an interrupted copy");
        Files.setLastModifiedTime(part, java.nio.file.attribute.FileTime.from(Instant.now().minusSeconds(3600)));
        Files.writeString(results.resolve(Builds.DIR).resolve(".part-2.jar"), "another run's copy in progress");
        Builds.prune(results, List.of(recent), Instant.now().minusSeconds(60));
        try (var files = Files.list(results.resolve(Builds.DIR))) {
            assertEquals(java.util.Set.of(kept + ".jar", base + ".jar", ".part-2.jar"),
                    files.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toSet()));
        }
    }

    @org.junit.jupiter.api.Tag("fault")
    @Test
    void pruningNeverDeletesWhatRacebenchDidNotCreate(@TempDir Path tmp) throws IOException {
        Path results = tmp.resolve("results");
        Path dir = Files.createDirectories(results.resolve(Builds.DIR));
        Files.writeString(dir.resolve("notes.txt"), "a user's file");
        Files.writeString(dir.resolve("library.jar"), "a user's jar");
        Path folder = Files.createDirectories(dir.resolve("sub"));
        Files.writeString(folder.resolve("inside.txt"), "kept");
        Path target = Files.writeString(tmp.resolve("elsewhere.jar"), "not ours");
        Files.createSymbolicLink(dir.resolve("e".repeat(64) + ".jar"), target);
        // folders and links with the names of racebench's stored and partial jars
        Files.writeString(Files.createDirectories(dir.resolve("d".repeat(64) + ".jar")).resolve("inside.txt"), "kept");
        Files.createDirectories(dir.resolve(".part-old.jar"));
        Files.createSymbolicLink(dir.resolve(".part-link.jar"), target);
        String stored = Builds.store(results, List.of(jar(tmp, "s.jar", "stored, named by no night").toString()))
                .orElseThrow();
        Builds.prune(results, List.of(), Instant.now().plusSeconds(60));
        try (var files = Files.list(dir)) {
            assertEquals(java.util.Set.of("notes.txt", "library.jar", "sub", "e".repeat(64) + ".jar",
                            "d".repeat(64) + ".jar", ".part-old.jar", ".part-link.jar"),
                    files.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toSet()),
                    "only " + stored + ".jar, which racebench stored, is gone");
        }
        assertEquals("not ours", Files.readString(target));
        assertEquals("kept", Files.readString(folder.resolve("inside.txt")));
        assertEquals("kept", Files.readString(dir.resolve("d".repeat(64) + ".jar").resolve("inside.txt")));
    }

    @org.junit.jupiter.api.Tag("fault")
    @Test
    void aBuildsFolderThatIsALinkIsNeverPruned(@TempDir Path tmp) throws IOException {
        Path results = Files.createDirectories(tmp.resolve("results"));
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Path theirs = Files.writeString(elsewhere.resolve("f".repeat(64) + ".jar"), "someone's jar, named as ours");
        Files.createSymbolicLink(results.resolve(Builds.DIR), elsewhere);
        Builds.prune(results, List.of(), Instant.now().plusSeconds(60));
        assertEquals("someone's jar, named as ours", Files.readString(theirs));
    }
}
