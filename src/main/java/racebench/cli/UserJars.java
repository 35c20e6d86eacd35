package racebench.cli;

import racebench.bench.JmhJar;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The {@code --jar} and {@code --classpath} options of bench and ab: a user's JMH benchmarks, checked. */
final class UserJars {
    static final String JAR = "A JMH benchmark jar (the uber-jar JMH's archetype builds, e.g. target/benchmarks.jar) "
            + "to run instead of racebench's own benchmarks; its code runs in JVMs of its own.";
    static final String CLASS_PATH = "Jars and directories (separated by ':') holding JMH "
            + "benchmarks and JMH itself, when they are not one uber-jar (after --jar when both are given); "
            + "with --task, where the task's class and what it needs are.";

    private UserJars() {
    }

    /** The user's benchmarks, or empty when neither option is given; one line and exit 2 when they are not JMH's. */
    static Optional<JmhJar> of(Path jar, String classPath) {
        List<String> entries = new ArrayList<>();
        if (jar != null) {
            entries.add(jar.toString());
        }
        if (classPath != null) {
            Arrays.stream(classPath.split(File.pathSeparator)).filter(e -> !e.isBlank()).forEach(entries::add);
        }
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(JmhJar.of(entries));
        } catch (IllegalArgumentException e) {
            throw new BadInput(e.getMessage());
        }
    }

    /** racebench's own jar, as a user's would be given, when this JVM runs from one. */
    static Optional<JmhJar> racebench() {
        String cp = System.getProperty("java.class.path", "");
        if (cp.contains(File.pathSeparator) || !cp.endsWith(".jar")) {
            return Optional.empty();
        }
        return Optional.of(JmhJar.of(List.of(cp)));
    }
}
