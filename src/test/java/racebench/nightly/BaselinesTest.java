package racebench.nightly;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import racebench.results.Completion;
import racebench.results.RunDirectory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which earlier nightlies pool into a baseline, and one line for each that cannot. */
class BaselinesTest {
    static final Map<String, String> HERE = Map.of("cpu_model", "EPYC", "cores", "2", "os", "Linux 6.1 amd64",
            "jdk", "Eclipse Adoptium 25.0.3", "profile", "nightly", "include", "racebench\\..*(.*)");
    static final String FORKS = "benchmark,params,unit,fork,mean,cv,iterations,trimmed\r\n"
            + "StrategyBenchmark.batch,\"{strategy=VIRTUAL, tasks=8, workload=CPU}\",ms/op,1,10.0,0.01,6,0\r\n"
            + "StrategyBenchmark.batch,\"{strategy=VIRTUAL, tasks=8, workload=CPU}\",ms/op,2,10.1,0.01,6,0\r\n";

    /** A nightly run directory made by hand: environment, forks, and optionally its completion mark. */
    static Path nightly(Path results, String stamp, Map<String, String> env, String forks, Completion.Status status)
            throws IOException {
        Path dir = Files.createDirectories(results.resolve(stamp + "-nightly"));
        StringBuilder csv = new StringBuilder("key,value\r\n");
        env.forEach((k, v) -> csv.append(k).append(",\"").append(v).append("\"\r\n"));
        Files.writeString(dir.resolve("environment.csv"), csv);
        Files.writeString(dir.resolve("bench-forks.csv"), forks);
        if (status != null) {
            Completion.mark(RunDirectory.open(dir, Instant.now()), status, Instant.now());
        }
        return dir;
    }

    @Test
    void theNewestCompleteNightliesOfThisMachinePoolUpToK(@TempDir Path results) throws IOException {
        for (int i = 1; i <= 7; i++) {
            nightly(results, "2026110" + i + "-020000", HERE, FORKS, Completion.Status.OK);
        }
        nightly(results, "20261108-020000", HERE, FORKS, null); // interrupted: silently skipped
        List<String> notes = new ArrayList<>();
        List<Path> chosen = Baselines.auto(results, Fingerprint.of(HERE), 5, notes::add);
        assertEquals(List.of("20261107", "20261106", "20261105", "20261104", "20261103"),
                chosen.stream().map(p -> p.getFileName().toString().substring(0, 8)).toList());
        assertEquals(List.of(), notes);
    }

    @Tag("fault")
    @Test
    void otherMachinesCorruptRunsAndUnacceptedRegressionsAreSkippedWithANote(@TempDir Path results) throws IOException {
        Path good = nightly(results, "20261101-020000", HERE, FORKS, Completion.Status.OK);
        Map<String, String> otherJdk = new java.util.HashMap<>(HERE);
        otherJdk.put("jdk", "Oracle 26");
        nightly(results, "20261102-020000", otherJdk, FORKS, Completion.Status.OK);
        nightly(results, "20261103-020000", HERE, "benchmark,params,unit,fork,mean\r\nx,\"{a=1,ms/op,1,2\r\n",
                Completion.Status.OK);
        Path regressed = nightly(results, "20261104-020000", HERE, FORKS, Completion.Status.FINDING);
        List<String> notes = new ArrayList<>();
        assertEquals(List.of(good), Baselines.auto(results, Fingerprint.of(HERE), 5, notes::add));
        assertEquals(3, notes.size(), notes.toString());
        assertTrue(notes.get(0).contains("nightly accept") && notes.get(0).contains("20261104"), notes.get(0));
        assertTrue(notes.get(1).contains("bench-forks.csv"), notes.get(1));
        assertTrue(notes.get(2).contains("jdk 'Oracle 26'"), notes.get(2));

        Baselines.accept(regressed);
        assertEquals(List.of(regressed, good), Baselines.auto(results, Fingerprint.of(HERE), 5, n -> { }));
    }

    @Tag("fault")
    @Test
    void aNamedBaselineMustBeUsableOrOneLineSaysWhy(@TempDir Path results) throws IOException {
        Fingerprint here = Fingerprint.of(HERE);
        assertEquals(results.resolve("20261101-020000-nightly"),
                Baselines.given(nightly(results, "20261101-020000", HERE, FORKS, Completion.Status.OK), here));
        Path incomplete = nightly(results, "20261102-020000", HERE, FORKS, null);
        assertMessage(() -> Baselines.given(incomplete, here), "is incomplete");
        Map<String, String> smoke = new java.util.HashMap<>(HERE);
        smoke.put("profile", "smoke");
        Path other = nightly(results, "20261103-020000", smoke, FORKS, Completion.Status.OK);
        assertMessage(() -> Baselines.given(other, here), "profile 'smoke'");
        for (String bad : List.of("", "benchmark,params,unit,fork,mean\r\n",
                "benchmark,params,unit,fork,mean\r\nx,y,ms/op,1,NaN\r\n",
                "benchmark,params,unit,fork\r\nx,y,ms/op,1\r\n",
                "benchmark,params,unit,fork,mean\r\nx,\"{unterminated,ms/op,1,2\r\n")) {
            Path dir = nightly(results, "20261104-0200" + Math.abs(bad.hashCode() % 100), HERE, bad, Completion.Status.OK);
            assertMessage(() -> Baselines.given(dir, here), dir.resolve("bench-forks.csv").toString());
        }
        Path corruptEnv = nightly(results, "20261105-020000", HERE, FORKS, Completion.Status.OK);
        Files.writeString(corruptEnv.resolve("environment.csv"), "key,value\r\n\"broken,x\r\n");
        assertMessage(() -> Baselines.given(corruptEnv, here), "environment.csv");
        assertMessage(() -> Baselines.given(results.resolve("nope"), here), "not a run directory");
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, String fragment) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }
    @Test
    void aNightOnAnotherGenerationOfTheSameNamedCpuIsNotABaseline(@TempDir Path results) throws IOException {
        Map<String, String> zen5 = new java.util.HashMap<>(HERE);
        zen5.put("cpu_id", "family 26 model 2 stepping 1");
        Map<String, String> zen3 = new java.util.HashMap<>(zen5);
        zen3.put("cpu_id", "family 25 model 1 stepping 1");
        Path same = nightly(results, "20261101-020000", zen5, FORKS, Completion.Status.OK);
        nightly(results, "20261102-020000", zen3, FORKS, Completion.Status.OK);
        nightly(results, "20261103-020000", HERE, FORKS, Completion.Status.OK); // recorded before cpu_id was
        List<String> notes = new ArrayList<>();
        assertEquals(List.of(same), Baselines.auto(results, Fingerprint.of(zen5), 5, notes::add));
        assertEquals(2, notes.size(), notes.toString());
        assertTrue(notes.get(0).contains("cpu_id ''"), notes.get(0));
        assertTrue(notes.get(1).contains("cpu_id 'family 25 model 1 stepping 1'"), notes.get(1));
        assertEquals("EPYC (family 26 model 2 stepping 1); 2 cores; Linux 6.1 amd64; Eclipse Adoptium 25.0.3",
                Fingerprint.of(zen5).machine());
        assertEquals("EPYC; 2 cores; Linux 6.1 amd64; Eclipse Adoptium 25.0.3", Fingerprint.of(HERE).machine());
    }
}
