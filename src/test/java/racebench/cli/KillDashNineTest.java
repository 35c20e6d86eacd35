package racebench.cli;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import racebench.process.Children;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * kill -9 of racebench in every command that starts processes, at the moment its deepest child
 * runs: no hook runs after kill -9, so each child JVM must notice on its own that its parent is
 * gone ({@link racebench.process.OrphanGuard}), also when racebench died before the child's JVM
 * got as far as its guard, and every process racebench started, and theirs, is gone within
 * seconds. The nightly's own test is NightlyInterruptTest.
 */
@Tag("e2e")
@Tag("fault")
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class KillDashNineTest {
    private static final String FIXTURES = Path.of("target", "test-classes").toAbsolutePath().toString();
    /** Stands for a user's JMH jar, built in the test's directory. */
    private static final String USER_JAR = "<benchmarks.jar>";
    /** Stands for a user's jcstress jar, built in the test's directory. */
    private static final String USER_TESTS = "<jcstress.jar>";

    /** Each command, its arguments (the results directory is added), and a child's command line to wait for. */
    static Stream<Arguments> commands() {
        return Stream.of(
                Arguments.of("race", List.of("race", "--mode", "quick", "--tests", "Synchronized$", "--no-retry"),
                        "ForkedMain"),
                Arguments.of("race --counter", List.of("race", "--counter", "racebench.fixtures.LoopingCounter",
                        "--classpath", FIXTURES), "UserCounterCheck"),
                Arguments.of("race --jcstress-jar", List.of("race", "--jcstress-jar", USER_TESTS, "--subject",
                        "demo.Tally"), "ForkedMain"),
                Arguments.of("bench", List.of("bench", "--profile", "smoke", "--include", "StrategyBenchmark"),
                        "ForkedMain"),
                Arguments.of("calibrate", List.of("calibrate", "--budget", "2", "--nightlies", "10"), "ForkedMain"),
                // a user's task run by every strategy: the JMH fork's worker JVMs are racebench's grandchildren
                Arguments.of("bench --task", List.of("bench", "--task", "racebench.fixtures.SpinTask", "--classpath",
                        FIXTURES, "--profile", "smoke", "--param", "strategy=PROCESS_POOL"), "WorkerMain"),
                // a user's benchmark that hangs deaf to interrupts, in a JMH host of its own
                Arguments.of("bench --jar", List.of("bench", "--jar", USER_JAR, "--include", "Hangs",
                        "--profile", "smoke"), "ForkedMain"),
                Arguments.of("ab --jar", List.of("ab", "--jar", USER_JAR, "--include", "Hangs",
                        "--new-jvm-args=-Xint", "--profile", "smoke", "--budget", "2"), "ForkedMain"),
                Arguments.of("demo", List.of("demo", "queue", "--unit", "60000"), "DemoChild"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void noProcessOutlivesRacebenchKilledWithSigkill(String name, List<String> args, String child, @TempDir Path scratch)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(Children.javaExecutable(), "-cp",
                System.getProperty("java.class.path"), "racebench.cli.Main"));
        for (String arg : args) {
            command.add(arg.equals(USER_JAR) ? racebench.bench.UserJmhJar.build(scratch.resolve("project")).toString()
                    : arg.equals(USER_TESTS) ? racebench.fixtures.UserJcstressJar.build(scratch.resolve("tests")).toString()
                    : arg);
        }
        if (!args.getFirst().equals("demo")) {
            command.addAll(List.of("--results", scratch.resolve("results").toString()));
        }
        Path console = scratch.resolve("console.log");
        Process racebench = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(console.toFile())
                .start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (racebench.descendants().noneMatch(p -> p.info().commandLine().orElse("").contains(child))) {
                if (System.nanoTime() > deadline || !racebench.isAlive()) {
                    fail(name + ": no " + child + " started: " + Files.readString(console));
                }
                Thread.sleep(50);
            }
            List<ProcessHandle> family = racebench.descendants().toList();
            racebench.destroyForcibly();
            assertTrue(racebench.waitFor(30, TimeUnit.SECONDS));
            long gone = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (family.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < gone) {
                Thread.sleep(100);
            }
            assertEquals(List.of(), family.stream().filter(ProcessHandle::isAlive)
                    .map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList(), name + ": left behind");
            Path results = scratch.resolve("results");
            if (Files.isDirectory(results)) {
                try (var files = Files.walk(results)) {
                    assertEquals(List.of(), files.filter(f -> f.getFileName().toString().startsWith(".jmh-part"))
                            .toList(), name + ": JMH's scratch files belong in a private directory, not the run's");
                }
            }
        } finally {
            racebench.descendants().forEach(ProcessHandle::destroyForcibly);
            racebench.destroyForcibly();
        }
    }
}
