package racebench.bench;

import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedSet;
import java.util.zip.ZipFile;

/**
 * A user's JMH benchmarks: a class path (an uber-jar as the JMH archetype's {@code mvn package}
 * makes, or jars and class directories) whose entry carries JMH's generated
 * {@code META-INF/BenchmarkList}, and JMH itself. Its benchmarks are read from that list as text,
 * never by loading a class of it into this JVM; they run in a JVM of their own ({@link HostJmh}).
 *
 * @param classPath the jars and directories, the one with the benchmark list first among them
 */
public record JmhJar(List<String> classPath) {
    static final String LIST = "META-INF/BenchmarkList";
    static final String JMH_MAIN = "org/openjdk/jmh/Main.class";

    public JmhJar {
        classPath = List.copyOf(classPath);
        if (classPath.isEmpty()) {
            throw new IllegalArgumentException("an empty class path");
        }
    }

    /**
     * The class path after checking it: every entry exists, one carries a benchmark list, and
     * one carries JMH's {@code org.openjdk.jmh.Main}; otherwise one line saying which is missing.
     */
    public static JmhJar of(List<String> classPath) {
        if (classPath.isEmpty()) {
            throw new IllegalArgumentException("the class path is empty");
        }
        for (String entry : classPath) {
            if (!Files.exists(Path.of(entry))) {
                throw new IllegalArgumentException(entry + " does not exist");
            }
        }
        JmhJar jar = new JmhJar(classPath);
        if (jar.read(LIST).isEmpty()) {
            throw new IllegalArgumentException(jar.joined() + " holds no JMH benchmarks: no " + LIST + " (is it the jar JMH's annotation processor built, "
                    + "e.g. target/benchmarks.jar?)");
        }
        if (jar.read(JMH_MAIN).isEmpty()) {
            throw new IllegalArgumentException(jar.joined() + " does not carry JMH (no org.openjdk.jmh.Main): give the uber-jar, or add jmh-core "
                    + "and its dependencies with --classpath");
        }
        return jar;
    }

    /** The class path as one string for {@code -cp}. */
    public String joined() {
        return String.join(java.io.File.pathSeparator, classPath);
    }

    /** Its benchmarks whose name matches {@code include} (JMH's find semantics), one entry per mode. */
    public SortedSet<BenchmarkListEntry> matching(String include) {
        String list = read(LIST).orElseThrow(() -> new IllegalArgumentException("no " + LIST));
        try {
            return JmhRunner.find(BenchmarkList.fromString(list), include);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("its " + LIST + " is not one this JMH (" + jmhVersion()
                    + ") reads: " + e.getMessage());
        }
    }

    /** Every benchmark in it. */
    public SortedSet<BenchmarkListEntry> all() {
        return matching(".*");
    }

    /** The text of the first entry of that name on the class path, if any. */
    java.util.Optional<String> read(String name) {
        for (String entry : classPath) {
            Path p = Path.of(entry);
            try {
                if (Files.isDirectory(p)) {
                    Path file = p.resolve(name);
                    if (Files.isRegularFile(file)) {
                        return java.util.Optional.of(Files.readString(file));
                    }
                } else if (Files.isRegularFile(p)) {
                    try (ZipFile zip = new ZipFile(p.toFile())) {
                        var e = zip.getEntry(name);
                        if (e != null) {
                            try (InputStream in = zip.getInputStream(e)) {
                                return java.util.Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                            }
                        }
                    }
                }
            } catch (IOException e) {
                throw new IllegalArgumentException(entry + " is neither a jar nor a directory: " + e.getMessage());
            }
        }
        return java.util.Optional.empty();
    }

    private static String jmhVersion() {
        Package p = BenchmarkList.class.getPackage();
        return p == null || p.getImplementationVersion() == null ? "racebench's" : p.getImplementationVersion();
    }
}
