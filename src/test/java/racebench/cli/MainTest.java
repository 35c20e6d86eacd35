package racebench.cli;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Command-line parsing and every bad-input path: one line on stderr, exit 2, nothing written. */
class MainTest {

    record Outcome(int exit, String out, String err) {
    }

    static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Outcome(exit, out.toString(), err.toString());
    }

    static void assertUsageError(Outcome o, String fragment) {
        assertEquals(2, o.exit(), o.toString());
        assertEquals(1, o.err().lines().count(), "one line: " + o.err());
        assertTrue(o.err().contains(fragment), o.err());
        assertFalse(o.err().contains("\tat ") || o.err().contains("Caused by"), o.err());
    }

    @Tag("fault")
    @Test
    void noCommandsHelpPrintsAWarning() {
        // picocli's tracer writes "[picocli WARN] Could not format ..." to System.err, e.g. for a lone '%'
        java.io.PrintStream saved = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            for (String command : List.of("", "race", "bench", "nightly", "compare", "calibrate", "demo")) {
                Outcome o = command.isEmpty() ? run("--help") : run(command, "--help");
                assertEquals(0, o.exit(), command);
                assertFalse(o.out().contains("WARN") || o.err().contains("WARN"), command + ": " + o);
                assertTrue(o.out().contains("Usage:"), command + ": " + o);
            }
        } finally {
            System.setErr(saved);
        }
        String err = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertFalse(err.contains("WARN"), err);
    }

    @Test
    void everyDescriptionFormatsBecausePicocliFormatsThem() {
        // picocli runs each description through String.format: a lone '%' is a warning and a garbled line
        var root = Main.commandLine();
        List<picocli.CommandLine> commands = new java.util.ArrayList<>(root.getSubcommands().values());
        commands.add(root);
        for (picocli.CommandLine cl : commands) {
            List<String> texts = new java.util.ArrayList<>(List.of(cl.getCommandSpec().usageMessage().description()));
            cl.getCommandSpec().options().forEach(o -> texts.addAll(List.of(o.description())));
            for (String text : texts) {
                try {
                    String.format(java.util.Locale.ROOT, text.replace("${DEFAULT-VALUE}", "x"));
                } catch (java.util.IllegalFormatException e) {
                    org.junit.jupiter.api.Assertions.fail(cl.getCommandName() + ": " + text + ": " + e);
                }
            }
        }
    }

    @Test
    void helpListsTheCommands() {
        Outcome o = run("--help");
        assertEquals(0, o.exit());
        assertTrue(o.out().contains("race"), "[" + o + "]");
    }

    @Test
    void raceHelpDocumentsEveryOption() {
        Outcome o = run("race", "--help");
        assertEquals(0, o.exit());
        for (String option : List.of("--mode", "--tests", "--counter", "--classpath", "--out")) {
            assertTrue(o.out().contains(option), option);
        }
    }

    @Tag("fault")
    @Test
    void badUsageIsOneLineAndExitTwo(@TempDir Path tmp) throws IOException {
        Path results = tmp.resolve("results");
        String out = results.toString();
        assertUsageError(run("nosuchcommand"), "nosuchcommand");
        assertUsageError(run("race", "--mode", "fast", "--out", out), "unknown mode 'fast'");
        assertUsageError(run("race", "--bogus"), "--bogus");
        assertUsageError(run("race", "--tests", "NoSuchVariant", "--out", out), "matches no test");
        assertUsageError(run("race", "--tests", "(", "--out", out), "not a valid regular expression");
        assertUsageError(run("race", "--counter", "a.B", "--out", out), "go together");
        assertUsageError(run("race", "--classpath", tmp.toString(), "--out", out), "go together");
        assertUsageError(run("race", "--counter", "a.B", "--classpath", tmp.resolve("none").toString(), "--out", out),
                "does not exist");
        assertUsageError(run("race", "--counter", "a.B", "--classpath", tmp.toString(), "--out", out), "not found");
        assertUsageError(run("race", "--time", "0", "--out", out), "--time must be positive");
        assertUsageError(run("race", "--iterations", "x", "--out", out), "--iterations");
        // bad input never leaves a run directory behind
        assertFalse(Files.exists(results) && Files.list(results).findAny().isPresent());

        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        assertUsageError(run("race", "--tests", "Racy$", "--out", file.toString()), "not a directory");
        assertEquals("x", Files.readString(file), "earlier content untouched");
    }

    @Tag("fault")
    @Test
    void userCounterProblemsAreUsageErrors(@TempDir Path tmp) {
        String fixtures = Path.of("target", "test-classes").toAbsolutePath().toString();
        String out = tmp.toString();
        assertUsageError(run("race", "--counter", "racebench.fixtures.NotACounter", "--classpath", fixtures, "--out", out),
                "does not implement");
        assertUsageError(run("race", "--counter", "racebench.fixtures.NoDefaultConstructorCounter",
                "--classpath", fixtures, "--out", out), "no public no-argument constructor");
        assertUsageError(run("race", "--counter", "racebench.fixtures.ThrowingCounter",
                "--classpath", fixtures, "--out", out), "boom");
    }

    @Test
    void theResultsDirectoryIsTheOptionThenTheEnvironmentThenTheProjects() {
        assertEquals(Path.of("/a"), Results.directory(Path.of("/a"), "/b"));
        assertEquals(Path.of("/b"), Results.directory(null, "/b"));
        assertTrue(Results.directory(null, "  ").endsWith("results"), "a blank variable is no directory");
        assertTrue(Results.directory(null, null).endsWith("results"));
    }

    @Test
    void oneVocabularyEverywhereWithTheOldSpellingsStillParsing() {
        var cl = Main.commandLine();
        for (String command : List.of("race", "bench", "nightly", "compare", "calibrate")) {
            assertTrue(cl.getSubcommands().get(command).getCommandSpec().findOption("--results") != null, command);
        }
        for (String command : List.of("race", "bench", "nightly")) {
            assertTrue(cl.getSubcommands().get(command).getCommandSpec().findOption("--include") != null, command);
        }
        for (String command : List.of("race", "nightly")) {
            assertTrue(cl.getSubcommands().get(command).getCommandSpec().findOption("--mode") != null, command);
        }
        Main.commandLine().parseArgs("race", "--out", "/tmp/x", "--tests", "Racy");
        Main.commandLine().parseArgs("nightly", "--race-mode", "none");
        Main.commandLine().parseArgs("nightly", "accept", "/tmp/x");
        assertTrue(Main.commandLine().getSubcommands().containsKey("generate-completion"));
    }
}
