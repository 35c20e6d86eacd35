package racebench.race;

import org.openjdk.jcstress.util.TestLineReader;
import racebench.process.PrivateFiles;
import racebench.results.RunDirectory;
import racebench.twin.Unlocker;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.zip.ZipEntry;

/**
 * A user's own {@code @JCStressTest} classes raced through racebench's verdicts. Each test runs
 * against the user's classes, where a FORBIDDEN outcome is a RACE; given a subject (the class
 * the tests exercise), the same tests first run against the subject's twin (the class without
 * its synchronisation, {@link Unlocker}, put before the user's jar on the class path), so that a
 * test that showed no forbidden outcome is PROVEN or SAFE_UNPROVEN against what its twin showed
 * in the same configurations. Two rounds at the mode's settings; no looks after them.
 */
public final class JcstressTests {
    /** The jcstress racebench runs, and whose annotation processor a user's tests must be built with. */
    public static final String JCSTRESS_VERSION = "0.16";

    private static final String TEST_LIST = "META-INF/TestList";
    private static final String JCSTRESS_POM = "META-INF/maven/org.openjdk.jcstress/jcstress-core/pom.properties";

    /**
     * @param jar       the user's jar of jcstress tests (as the jcstress archetype's {@code mvn package} builds it)
     * @param classPath more entries the tests need, after the jar; may be empty
     * @param include   a regular expression a test's name must contain to run, or null for all
     * @param subject   the class whose twin the tests run against a second time, or null for none
     */
    public record Request(Path jar, List<String> classPath, String include, String subject) {
    }

    /** A request whose jar, tests and subject passed {@link #check}: the tests selected and the subject's twin. */
    public record Checked(Request request, List<String> tests, Unlocker.Twin twin) {
    }

    private JcstressTests() {
    }

    /**
     * Checks the jar, the tests it lists, the jcstress it was built with and the subject before
     * anything runs; throws IllegalArgumentException with a one-line reason for the first thing wrong.
     */
    public static Checked check(Request request) {
        Path jar = request.jar();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("--jcstress-jar " + jar + " is not a file");
        }
        Pattern include;
        try {
            include = request.include() == null ? null : Pattern.compile(request.include());
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("--tests is not a valid regular expression: " + e.getDescription()
                    + " in '" + request.include() + "'");
        }
        List<String> listed;
        try (JarFile file = new JarFile(jar.toFile())) {
            String built = builtWith(file);
            if (built != null && !built.equals(JCSTRESS_VERSION)) {
                throw new IllegalArgumentException(jar + " holds jcstress " + built + "; racebench runs jcstress "
                        + JCSTRESS_VERSION + ": build the tests with jcstress-core " + JCSTRESS_VERSION);
            }
            listed = testsOf(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(jar + " cannot be read as a jar: " + e.getMessage());
        }
        if (listed.isEmpty()) {
            throw new IllegalArgumentException(jar + " has no jcstress tests (no " + TEST_LIST + " written by "
                    + "jcstress's annotation processor)");
        }
        List<String> tests = listed.stream().filter(t -> include == null || include.matcher(t).find()).sorted()
                .toList();
        if (tests.isEmpty()) {
            throw new IllegalArgumentException("--tests '" + request.include() + "' matches none of the jar's "
                    + listed.size() + " jcstress tests, e.g. " + listed.getFirst());
        }
        return new Checked(request, tests, request.subject() == null ? null : twin(request));
    }

    /** The subject's twin, read from the jar and class path; a subject racebench cannot rewrite is one line. */
    private static Unlocker.Twin twin(Request request) {
        Unlocker.Twin twin;
        try {
            twin = Unlocker.of(request.subject(), userClassPath(request));
        } catch (IOException e) {
            throw new IllegalArgumentException("--subject " + request.subject() + " is not on the class path ("
                    + e.getMessage() + ")");
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("--subject " + request.subject() + "'s class file could not be "
                    + "rewritten: " + e.getMessage());
        }
        if (!twin.removed().any()) {
            throw new IllegalArgumentException("--subject " + request.subject() + " has no synchronisation racebench "
                    + "can take out (it covers synchronized, Lock, Semaphore, StampedLock and atomic "
                    + "read-modify-writes), so it has no twin");
        }
        return twin;
    }

    /**
     * Races the checked tests into {@code run}: against the subject's twin first (when there is
     * one), then against the user's classes; writes the race files and prints the verdict table.
     */
    public static RaceSuite.Outcome measure(Checked checked, RaceSuite.Request settings, RunDirectory run,
                                            PrintWriter console)
            throws IOException, InterruptedException, JcstressRunner.JcstressFailure {
        StressMode mode = StressMode.of(settings.mode());
        console.printf("racebench race: %d jcstress test(s) of %s, jcstress mode %s%s, writing %s%n",
                checked.tests().size(), checked.request().jar().getFileName(), settings.mode(),
                checked.twin() == null ? ", no subject" : ", against " + checked.twin().className() + "'s twin too",
                run.path());
        if (checked.twin() != null) {
            console.printf("racebench: %s's twin is the class without its %s%n", checked.twin().className(),
                    checked.twin().removed().describe());
        }
        console.flush();
        RaceSuite.Progress progress = new RaceSuite.Progress(console);
        Path work = PrivateFiles.temporaryDir("racebench-tests-");
        try {
            Path list = work.resolve("list");
            Files.createDirectories(list.resolve("META-INF"));
            try (JarFile jar = new JarFile(checked.request().jar().toFile());
                 InputStream in = jar.getInputStream(jar.getEntry(TEST_LIST))) {
                // jcstress reads the first TestList on its class path: the user's, not racebench's own
                Files.copy(in, list.resolve(TEST_LIST));
            }
            List<OutcomeRow> rows = new ArrayList<>();
            if (checked.twin() != null) {
                Path twin = work.resolve("twin");
                Path file = twin.resolve(checked.twin().className().replace('.', '/') + ".class");
                Files.createDirectories(file.getParent());
                Files.write(file, checked.twin().bytes());
                console.printf("against the twin: %d test(s)%n", checked.tests().size());
                for (OutcomeRow row : round(checked, settings, List.of(twin, list), run, "-twin", progress)) {
                    rows.add(new OutcomeRow(row.test() + Verdicts.TWIN_SUFFIX, row.compilation(), row.jvmArgs(),
                            row.fork(), row.status(), row.outcome(), row.expect(), row.count(), row.description()));
                }
            }
            console.printf("against your classes: %d test(s)%n", checked.tests().size());
            rows.addAll(round(checked, settings, List.of(list), run, "", progress));
            // each test, then its run against the twin
            List<VariantResult> verdicts = Verdicts.summarize(rows, null, stressSeconds(rows, mode, settings)).stream()
                    .sorted(java.util.Comparator.comparing((VariantResult r) -> r.test().replace(Verdicts.TWIN_SUFFIX, ""))
                            .thenComparing(r -> r.test().endsWith(Verdicts.TWIN_SUFFIX)))
                    .toList();
            Instant end = Instant.now();
            RaceReport.write(run, rows, verdicts, end);
            RaceReport.print(console, rows, verdicts,
                    new RaceReport.Stress(mode, settings.timeMillis(), settings.iterations()));
            Duration took = Duration.between(run.started(), end).withNanos(0);
            console.printf("Took %s. Results in %s%n", racebench.results.Durations.pretty(took), run.path());
            console.flush();
            return new RaceSuite.Outcome(verdicts, took);
        } finally {
            PrivateFiles.delete(work);
        }
    }

    /** The race command for a jar of tests: measured, then its page and, unless jcstress failed, complete.csv. */
    public static RaceSuite.Outcome run(Checked checked, RaceSuite.Request settings, RunDirectory run,
                                        PrintWriter console)
            throws IOException, InterruptedException, JcstressRunner.JcstressFailure {
        return RaceSuite.finish(measure(checked, settings, run, console), run, console);
    }

    /** One jcstress round of the tests with {@code first} in front of racebench's and the user's class path. */
    private static List<OutcomeRow> round(Checked checked, RaceSuite.Request settings, List<Path> first,
                                          RunDirectory run, String suffix, RaceSuite.Progress progress)
            throws IOException, InterruptedException, JcstressRunner.JcstressFailure {
        List<String> classPath = new ArrayList<>(first.stream().map(Path::toString).toList());
        classPath.addAll(List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
        classPath.addAll(userClassPath(checked.request()));
        RaceSuite.Request request = RaceSuite.Request.of(settings.mode(), checked.tests(), classPath)
                .overriding(settings.timeMillis(), settings.iterations());
        return RaceSuite.round(request, checked.tests(), settings.timeMillis(), settings.iterations(), null, run,
                suffix, progress);
    }

    /** Each test's stress time: its configurations, each stressed for the mode's (or the overrides') time. */
    private static Map<String, Double> stressSeconds(List<OutcomeRow> rows, StressMode mode, RaceSuite.Request settings) {
        double perConfiguration = mode.secondsPerConfiguration(settings.timeMillis(), settings.iterations());
        Map<String, java.util.Set<String>> configurations = new java.util.HashMap<>();
        rows.forEach(r -> configurations.computeIfAbsent(r.test(), t -> new java.util.HashSet<>()).add(r.setting()));
        Map<String, Double> seconds = new java.util.HashMap<>();
        configurations.forEach((test, c) -> seconds.put(test, c.size() * perConfiguration));
        return seconds;
    }

    private static List<String> userClassPath(Request request) {
        List<String> entries = new ArrayList<>(List.of(request.jar().toAbsolutePath().toString()));
        entries.addAll(request.classPath());
        return entries;
    }

    /** The tests a jar's TestList names, in its order. */
    static List<String> testsOf(JarFile jar) throws IOException {
        ZipEntry entry = jar.getEntry(TEST_LIST);
        if (entry == null) {
            return List.of();
        }
        List<String> tests = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(jar.getInputStream(entry),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                TestLineReader reader = new TestLineReader(line);
                if (reader.isCorrect()) {
                    tests.add(reader.nextString());
                }
            }
        }
        return tests;
    }

    /** The jcstress version an uber-jar carries, or null when it carries none (its tests alone). */
    private static String builtWith(JarFile jar) throws IOException {
        ZipEntry entry = jar.getEntry(JCSTRESS_POM);
        if (entry == null) {
            return null;
        }
        Properties pom = new Properties();
        try (InputStream in = jar.getInputStream(entry)) {
            pom.load(in);
        }
        return pom.getProperty("version");
    }
}
