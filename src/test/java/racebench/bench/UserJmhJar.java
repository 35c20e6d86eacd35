package racebench.bench;

import racebench.fixtures.UserProject;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A user's JMH project, made inside a test as the JMH archetype's {@code mvn package}
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
        return UserProject.jar(dir, "benchmarks.jar", Map.of("Work.java", WORK.replace("REPEAT", Integer.toString(repeat)),
                "Broken.java", BROKEN, "Exits.java", EXITS, "Hangs.java", HANGS), jmhJars(),
                "jmh-generator-annprocess-", "org.openjdk.jmh.Main");
    }

    /** JMH and what it needs, from this JVM's class path, jmh-core first: a jar that holds no benchmarks, for tests of bad input. */
    public static List<String> jmhJarsForTests() {
        return jmhJars();
    }

    private static List<String> jmhJars() {
        return UserProject.libraries("jmh-core-", "jopt-simple-", "commons-math3-", "jmh-generator-annprocess-");
    }
}
