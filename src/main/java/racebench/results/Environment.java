package racebench.results;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The facts a reader needs to trust or compare a run: what ran, on what, when. */
public final class Environment {

    private Environment() {
    }

    /** The project the launcher runs from (its -Dracebench.home), or null outside the launcher. */
    public static Path projectDir() {
        String home = System.getProperty("racebench.home");
        return home == null ? null : Path.of(home);
    }

    public static Map<String, String> facts(Path projectDir, Instant start, Instant end) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put(ResultFormat.FACT, Integer.toString(ResultFormat.VERSION));
        facts.put("jdk", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"));
        facts.put("java_home", System.getProperty("java.home"));
        facts.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        Map<String, String> cpu = cpuInfo();
        facts.put("cpu_model", cpu.getOrDefault("model name", "unknown"));
        facts.put("cpu_id", cpuId(cpu).orElse("unknown"));
        facts.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        facts.put("git_commit", gitCommit(projectDir).orElse("unknown"));
        facts.put("start", start.toString());
        facts.put("end", end.toString());
        return facts;
    }

    public static void write(Path target, Map<String, String> facts) throws IOException {
        Csv.writeFacts(target, facts);
    }

    /** The first processor's fields of /proc/cpuinfo; empty where there is none. */
    private static Map<String, String> cpuInfo() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        Map<String, String> first = new LinkedHashMap<>();
        if (!Files.isReadable(cpuinfo)) {
            return first;
        }
        try (Stream<String> lines = Files.lines(cpuinfo, StandardCharsets.UTF_8)) {
            for (String l : (Iterable<String>) lines.takeWhile(l -> !l.isBlank())::iterator) {
                int colon = l.indexOf(':');
                if (colon > 0) {
                    first.putIfAbsent(l.substring(0, colon).trim(), l.substring(colon + 1).trim());
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            first.clear();
        }
        return first;
    }

    /**
     * The processor's generation from a /proc/cpuinfo entry: x86's "family 26 model 2 stepping 1",
     * or ARM's implementer and part, because a cloud VM's model name alone ("AMD EPYC") does not
     * tell its hosts apart.
     */
    static Optional<String> cpuId(Map<String, String> info) {
        if (info.containsKey("cpu family") && info.containsKey("model")) {
            return Optional.of("family " + info.get("cpu family") + " model " + info.get("model") + " stepping "
                    + info.getOrDefault("stepping", "?"));
        }
        if (info.containsKey("CPU implementer") && info.containsKey("CPU part")) {
            return Optional.of("implementer " + info.get("CPU implementer") + " part " + info.get("CPU part")
                    + " variant " + info.getOrDefault("CPU variant", "?"));
        }
        return Optional.empty();
    }

    /**
     * Reads the commit from .git without starting a process: HEAD, then the loose or packed
     * ref. In a worktree or submodule .git is a file naming the real git directory, whose
     * refs live in its common directory.
     */
    public static Optional<String> gitCommit(Path projectDir) {
        if (projectDir == null) {
            return Optional.empty();
        }
        try {
            Path git = projectDir.resolve(".git");
            if (Files.isRegularFile(git)) {
                String pointer = Files.readString(git, StandardCharsets.UTF_8).trim();
                if (!pointer.startsWith("gitdir: ")) {
                    return Optional.empty();
                }
                git = projectDir.resolve(pointer.substring(8)).normalize();
            }
            Path common = git;
            Path commondir = git.resolve("commondir");
            if (Files.isRegularFile(commondir)) {
                common = git.resolve(Files.readString(commondir, StandardCharsets.UTF_8).trim()).normalize();
            }
            String head = Files.readString(git.resolve("HEAD"), StandardCharsets.UTF_8).trim();
            if (!head.startsWith("ref: ")) {
                return Optional.of(head);
            }
            String ref = head.substring(5);
            for (Path dir : List.of(git, common)) {
                Path loose = dir.resolve(ref);
                if (Files.isRegularFile(loose)) {
                    return Optional.of(Files.readString(loose, StandardCharsets.UTF_8).trim());
                }
            }
            Path packed = common.resolve("packed-refs");
            if (Files.isRegularFile(packed)) {
                for (String line : Files.readAllLines(packed, StandardCharsets.UTF_8)) {
                    if (line.endsWith(" " + ref)) {
                        return Optional.of(line.substring(0, line.indexOf(' ')));
                    }
                }
            }
        } catch (IOException e) {
            // not a git checkout: a tarball or a copied jar
        }
        return Optional.empty();
    }
}
