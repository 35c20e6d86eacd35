package racebench.results;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EnvironmentTest {
    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";

    @Test
    void readsLooseAndPackedRefsAndWorktreePointers(@TempDir Path tmp) throws IOException {
        Path repo = Files.createDirectories(tmp.resolve("repo/.git/refs/heads"));
        Files.writeString(tmp.resolve("repo/.git/HEAD"), "ref: refs/heads/main\n");
        Files.writeString(repo.resolve("main"), SHA + "\n");
        assertEquals(Optional.of(SHA), Environment.gitCommit(tmp.resolve("repo")));

        Files.delete(repo.resolve("main"));
        Files.writeString(tmp.resolve("repo/.git/packed-refs"), "# pack-refs\n" + SHA + " refs/heads/main\n");
        assertEquals(Optional.of(SHA), Environment.gitCommit(tmp.resolve("repo")));

        // a worktree: .git is a file pointing into the main repository's worktrees/
        Path wt = Files.createDirectories(tmp.resolve("repo/.git/worktrees/wt"));
        Files.writeString(wt.resolve("HEAD"), "ref: refs/heads/main\n");
        Files.writeString(wt.resolve("commondir"), "../..\n");
        Files.createDirectories(tmp.resolve("wt"));
        Files.writeString(tmp.resolve("wt/.git"), "gitdir: " + wt + "\n");
        assertEquals(Optional.of(SHA), Environment.gitCommit(tmp.resolve("wt")));

        assertEquals(Optional.empty(), Environment.gitCommit(tmp.resolve("nowhere")));
    }

    @Test
    void factsNameTheMachineAndTheRun() {
        Map<String, String> facts = Environment.facts(null, Instant.EPOCH, Instant.EPOCH.plusSeconds(1));
        assertEquals(Integer.toString(Runtime.getRuntime().availableProcessors()), facts.get("cores"));
        assertEquals("unknown", facts.get("git_commit"));
        assertEquals("1970-01-01T00:00:01Z", facts.get("end"));
    }
    @Test
    void theCpuGenerationComesFromFamilyModelAndStepping() {
        // the first processor of this VM's /proc/cpuinfo, whose model name is only "AMD EPYC"
        assertEquals(Optional.of("family 26 model 2 stepping 1"), Environment.cpuId(Map.of("model name", "AMD EPYC",
                "cpu family", "26", "model", "2", "stepping", "1")));
        assertEquals(Optional.of("implementer 0x41 part 0xd0c variant 0x3"), Environment.cpuId(Map.of(
                "CPU implementer", "0x41", "CPU part", "0xd0c", "CPU variant", "0x3")));
        assertEquals(Optional.empty(), Environment.cpuId(Map.of("model name", "something")));
        // and the facts every run records carry it
        assertEquals(true, Environment.facts(null, Instant.EPOCH, Instant.EPOCH).containsKey("cpu_id"));
    }
}
