package racebench.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One side of a paired comparison, or the only side of a bench run of a user's jar: the JMH
 * benchmarks ({@link JmhJar}), the JDK that runs them, and flags for its forks' JVMs. {@code ab}
 * varies any of the three between its base and new sides; everything else is the same for both.
 *
 * @param name     how the console and environment.csv name the side, e.g. "base" or "new"
 * @param javaHome the JDK's home directory
 * @param jvmArgs  flags prepended to each fork's JVM command line (before the benchmark's own)
 */
public record Side(String name, JmhJar jar, Path javaHome, List<String> jvmArgs) {
    public Side {
        jvmArgs = List.copyOf(jvmArgs);
    }

    /** The JDK this JVM runs on. */
    public static Path currentJava() {
        return Path.of(System.getProperty("java.home"));
    }

    /** {@code home/bin/java}, after checking that it is there: one line naming the directory otherwise. */
    public static Path javaIn(Path home) {
        Path java = home.resolve("bin").resolve("java");
        if (!Files.isDirectory(home) || !Files.isExecutable(java)) {
            throw new IllegalArgumentException(home + " is not a JDK: it has no executable bin/java");
        }
        return java;
    }

    /** The side's launcher, {@code javaHome/bin/java} ({@link #javaIn} checks it is there). */
    public Path java() {
        return javaHome.resolve("bin").resolve("java");
    }

    /**
     * "base: benchmarks.jar (+3 on the class path), JDK /usr/lib/jvm/jdk-25, flags -Xint": the side as the
     * console and environment.csv name it.
     */
    public String describe() {
        List<String> cp = jar.classPath();
        return name + ": " + Path.of(cp.getFirst()).getFileName()
                + (cp.size() == 1 ? "" : " (+" + (cp.size() - 1) + " on the class path)") + ", JDK " + javaHome
                + (jvmArgs.isEmpty() ? "" : ", flags " + String.join(" ", jvmArgs));
    }
}
