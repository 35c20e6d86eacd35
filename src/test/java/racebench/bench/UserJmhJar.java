package racebench.bench;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * A JMH project nobody here wrote, made inside a test as the JMH archetype's {@code mvn package}
 * makes one: benchmark sources compiled with JMH's annotation processor, then one uber-jar of
 * their classes, the generated benchmark list, and JMH with its dependencies, whose main class is
 * JMH's. Its benchmarks: {@code Work.sum} (a dependent loop over {@code size} elements, two
 * values of each of two parameters), {@code Broken.fails} (throws), {@code Exits.exits}
 * (calls System.exit in its fork), {@code Hangs.hangs} (never returns, deaf to interrupts).
 */
public final class UserJmhJar {
    static final String WORK = """
            package demo;

            import org.openjdk.jmh.annotations.*;
            import java.util.concurrent.TimeUnit;

            @State(Scope.Benchmark)
            @BenchmarkMode(Mode.AverageTime)
            @OutputTimeUnit(TimeUnit.MICROSECONDS)
            public class Work {
                @Param({"1000", "8000"})
                public int size;

                @Param({"MUL", "XOR"})
                public String op;

                @Benchmark
                public long sum() {
                    long s = 1;
                    for (int r = 0; r < REPEAT; r++) {
                        for (int i = 0; i < size; i++) {
                            s = op.equals("MUL") ? s * 31 + i : (s ^ i) * 17;
                        }
                    }
                    return s;
                }
            }
            """;
    static final String BROKEN = """
            package demo;

            import org.openjdk.jmh.annotations.Benchmark;

            public class Broken {
                @Benchmark
                public void fails() {
                    throw new IllegalStateException("broken on purpose");
                }
            }
            """;
    static final String EXITS = """
            package demo;

            import org.openjdk.jmh.annotations.Benchmark;

            public class Exits {
                @Benchmark
                public void exits() {
                    System.exit(7);
                }
            }
            """;

    static final String HANGS = """
            package demo;

            import org.openjdk.jmh.annotations.Benchmark;

            public class Hangs {
                @Benchmark
                public void hangs() throws InterruptedException {
                    Object lock = new Object();
                    synchronized (lock) {
                        while (true) {
                            try {
                                lock.wait();
                            } catch (InterruptedException ignored) {
                                // a benchmark that ignores JMH's interrupt, as a deadlocked one would
                            }
                        }
                    }
                }
            }
            """;

    private UserJmhJar() {
    }

    /** Builds {@code dir/benchmarks.jar} and returns it. */
    public static Path build(Path dir) throws IOException {
        return build(dir, 1);
    }

    /**
     * Builds {@code dir/benchmarks.jar} with {@code Work.sum} doing its loop {@code repeat} times: a
     * build that is that many times slower, as a bad merge would make it.
     */
    public static Path build(Path dir, int repeat) throws IOException {
        Path src = Files.createDirectories(dir.resolve("src/demo"));
        Files.writeString(src.resolve("Work.java"), WORK.replace("REPEAT", Integer.toString(repeat)));
        Files.writeString(src.resolve("Broken.java"), BROKEN);
        Files.writeString(src.resolve("Exits.java"), EXITS);
        Files.writeString(src.resolve("Hangs.java"), HANGS);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        List<String> jmh = jmhJars();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("-proc:full", "-d", classes.toString(), "-cp",
                String.join(java.io.File.pathSeparator, jmh), "-s", Files.createDirectories(dir.resolve("gen")).toString()));
        try (Stream<Path> files = Files.list(src)) {
            files.forEach(f -> args.add(f.toString()));
        }
        java.io.ByteArrayOutputStream errors = new java.io.ByteArrayOutputStream();
        int rc = javac.run(null, errors, errors, args.toArray(String[]::new));
        if (rc != 0) {
            throw new IllegalStateException("javac failed: " + errors);
        }
        Path jar = dir.resolve("benchmarks.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "org.openjdk.jmh.Main");
        Set<String> seen = new HashSet<>(Set.of("META-INF/MANIFEST.MF"));
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            try (Stream<Path> files = Files.walk(classes)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    String name = classes.relativize(f).toString().replace('\\', '/');
                    seen.add(name);
                    out.putNextEntry(new JarEntry(name));
                    Files.copy(f, out);
                    out.closeEntry();
                }
            }
            for (String dependency : jmh) {
                if (!Path.of(dependency).getFileName().toString().startsWith("jmh-generator-annprocess-")) {
                    copy(Path.of(dependency), out, seen); // the processor builds the jar; it does not run in it
                }
            }
        }
        return jar;
    }

    /** JMH and what it needs, from this JVM's class path: jmh-core, jopt-simple, commons-math3 and the processor. */
    static List<String> jmhJars() {
        List<String> found = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (name.startsWith("jmh-core-") || name.startsWith("jopt-simple-") || name.startsWith("commons-math3-")
                    || name.startsWith("jmh-generator-annprocess-")) {
                found.add(entry);
            }
        }
        if (found.size() < 4) {
            throw new IllegalStateException("JMH's jars are not on the test class path: " + found);
        }
        return found;
    }

    /** The jars JMH is made of, jmh-core first: a jar that holds no benchmarks, for the tests of bad input. */
    public static List<String> jmhJarsForTests() {
        return jmhJars().stream().sorted(java.util.Comparator.comparing(e -> !e.contains("jmh-core-"))).toList();
    }

    private static void copy(Path from, OutputStream to, Set<String> seen) throws IOException {
        JarOutputStream out = (JarOutputStream) to;
        try (JarFile jar = new JarFile(from.toFile())) {
            for (JarEntry e : java.util.Collections.list(jar.entries())) {
                if (e.isDirectory() || !seen.add(e.getName()) || e.getName().endsWith(".SF")
                        || e.getName().endsWith(".RSA") || e.getName().endsWith(".DSA")) {
                    continue;
                }
                out.putNextEntry(new JarEntry(e.getName()));
                try (InputStream in = jar.getInputStream(e)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
    }
}
