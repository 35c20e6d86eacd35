package racebench.race;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import racebench.cli.Main;
import racebench.fixtures.UserRacyCounter;
import racebench.fixtures.twins.AtomicCounter;
import racebench.process.NoLeftoverProcesses;
import racebench.results.Csv;
import racebench.workload.counter.ReentrantLockCounter;
import racebench.workload.counter.SemaphoreCounter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Classes built on the JDK's concurrency classes, raced as a user's are (by name, on a class path
 * given), each proved against its own twin (the class with its synchronisation taken out), through
 * the command line and through the test API.
 */
@Tag("e2e")
@Timeout(value = 20, unit = java.util.concurrent.TimeUnit.MINUTES)
class OwnTwinRaceTest {
    private static final String CLASSES = Path.of("target", "classes").toAbsolutePath().toString();

    @Test
    void classesOnReentrantLockSemaphoreAndAtomicIntegerAreProvenAndTheirTwinsRace(@TempDir Path out)
            throws IOException, InterruptedException {
        List<String> counters = List.of(ReentrantLockCounter.class.getName(), SemaphoreCounter.class.getName(),
                racebench.workload.counter.AtomicCounter.class.getName());
        assertEquals(0, Main.run("race", "--counter", String.join(",", counters), "--classpath", CLASSES,
                "--budget", "3", "--results", out.toString()));
        List<CSVRecord> rows = new ArrayList<>();
        try (Stream<Path> runs = Files.list(out)) {
            for (Path run : runs.toList()) {
                rows.addAll(Csv.read(run.resolve("race.csv")));
            }
        }
        for (String counter : counters) {
            CSVRecord fix = rows.stream().filter(r -> r.get("variant").equals(counter)).findFirst().orElseThrow();
            CSVRecord twin = rows.stream().filter(r -> r.get("variant").equals(counter + " twin")).findFirst()
                    .orElseThrow();
            assertEquals("UserCounterTwin", fix.get("twin"), "its own twin: " + fix);
            assertEquals("0", fix.get("forbidden"), fix.toString());
            assertEquals("PROVEN", fix.get("verdict"), fix.toString());
            assertEquals("REPRODUCED", twin.get("verdict"), "without its synchronisation it races: " + twin);
        }
        NoLeftoverProcesses.check();
    }

    @Test
    void aTestCanAssertAProofAndARaceFailsItInOneLine(@TempDir Path out) throws IOException, InterruptedException {
        CounterRace.Result proven = RaceProof.of(AtomicCounter.class).within(Duration.ofMinutes(2)).results(out)
                .assertProven();
        assertEquals("UserCounterTwin", proven.verdict().twin());
        assertTrue(Files.isRegularFile(proven.run().resolve("index.html")));

        AssertionError racy = assertThrows(AssertionError.class, () -> RaceProof.of(UserRacyCounter.class)
                .within(Duration.ofMinutes(1)).results(out).assertNoRace());
        String message = racy.getMessage();
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.startsWith("racebench.fixtures.UserRacyCounter: RACE: "), message);
        assertTrue(message.contains("lost update(s)"), message);
        Path run = Path.of(message.substring(message.indexOf("(run: ") + 6, message.length() - 1));
        assertTrue(Files.isRegularFile(run.resolve("race.csv")), "the message names the run: " + run);
        NoLeftoverProcesses.check();
    }
}
