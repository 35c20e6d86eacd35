package racebench.process;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The guard's jar runs on a JDK older than racebench's, as a user's side may be. */
@Tag("e2e")
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class GuardJarTest {

    @Test
    void itsClassesAreForJava11AndRunOnEveryJdkInstalledHere() throws Exception {
        Path jar = GuardJar.path();
        try (JarFile j = new JarFile(jar.toFile())) {
            List<String> names = j.stream().map(e -> e.getName()).sorted().toList();
            assertEquals(List.of("racebench/process/HostMain.class", "racebench/process/OrphanGuard.class"), names);
            for (String name : names) {
                byte[] bytes = j.getInputStream(j.getEntry(name)).readAllBytes();
                assertEquals(GuardJar.CLASS_VERSION, ((bytes[6] & 0xff) << 8) | (bytes[7] & 0xff), name);
            }
        }
        List<Path> javas = jdks();
        assertFalse(javas.isEmpty());
        for (Path java : javas) {
            // HostMain calling itself with no class: the guard starts, then the usage line and exit 2
            Process p = new ProcessBuilder(java.toString(), "-cp", jar.toString(), HostMain.class.getName(),
                    HostMain.class.getName()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), java.toString());
            assertEquals(2, p.exitValue(), java + ": " + out);
            assertTrue(out.contains("usage: HostMain"), java + ": " + out);
        }
    }

    /** This JVM's java and every other JDK's in the system's JVM folder. */
    private static List<Path> jdks() throws IOException {
        List<Path> javas = new ArrayList<>(List.of(Path.of(Children.javaExecutable())));
        Path folder = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(folder)) {
            try (Stream<Path> dirs = Files.list(folder)) {
                dirs.map(d -> d.resolve("bin/java")).filter(Files::isExecutable)
                        .filter(j -> javas.stream().noneMatch(k -> sameFile(j, k))).forEach(javas::add);
            }
        }
        return javas;
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
