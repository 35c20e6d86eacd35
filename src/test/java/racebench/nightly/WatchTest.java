package racebench.nightly;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import racebench.results.Completion;
import racebench.results.RunDirectory;
import racebench.stats.AlarmBudget;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WatchTest {

    private static Path night(Path results, String stamp, String base, int suspect, int nights) throws IOException {
        Path dir = Files.createDirectories(results.resolve(stamp + "-nightly"));
        Map<String, String> facts = new HashMap<>();
        Watch.facts(facts, base, suspect, nights);
        Completion.mark(RunDirectory.open(dir, Instant.now()), Completion.Status.OK, Instant.now(), facts);
        return dir;
    }

    @Test
    void nightsThatSuspectAChangeKeepTheirBaseForUpToThreeNights(@TempDir Path results) throws IOException {
        Path a = Files.createDirectories(results.resolve("20261101-020000-nightly")); // clean, no facts: a base
        Path b = night(results, "20261102-020000", "buildA", 1, 1);
        Path c = night(results, "20261103-020000", "buildA", 2, 2);
        AlarmBudget budget = AlarmBudget.DEFAULT;
        Watch.Split split = Watch.split(List.of(c, b, a), budget);
        assertEquals(List.of(c, b), split.watched(), "both suspected a change against buildA");
        assertEquals(List.of(a), split.rest());
        assertEquals(List.of(c, b), Watch.against(split.watched(), "buildA"));
        assertEquals(List.of(), Watch.against(split.watched(), "buildZ"), "another base build adds nothing");

        Path d = night(results, "20261104-020000", "buildA", 1, 3); // the third night: its base moves on
        assertEquals(List.of(), Watch.split(List.of(d, c, b, a), budget).watched());
        Path clean = night(results, "20261105-020000", "buildD", 0, 1);
        assertEquals(List.of(clean, d, c, b, a), Watch.split(List.of(clean, d, c, b, a), budget).rest(),
                "a night that suspects nothing is the next base");
    }

    @Test
    void aDamagedFactIsNotWatched(@TempDir Path results) throws IOException {
        Path dir = Files.createDirectories(results.resolve("20261101-020000-nightly"));
        Completion.mark(RunDirectory.open(dir, Instant.now()), Completion.Status.OK, Instant.now(),
                Map.of(Watch.SUSPECT_FACT, "many", Watch.NIGHTS_FACT, "1"));
        assertEquals(List.of(), Watch.split(List.of(dir), AlarmBudget.DEFAULT).watched());
    }
}
