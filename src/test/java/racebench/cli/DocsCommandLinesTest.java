package racebench.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every concrete command line README.md and docs/ show parses with today's command line, so an
 * option renamed or removed fails here rather than in a reader's terminal. Synopses (with
 * {@code [ ]}, {@code |}, {@code ...} or {@code <command>}) and the launcher's own {@code test} are
 * not command lines.
 */
class DocsCommandLinesTest {
    private static final Pattern LINE = Pattern.compile("\\./racebench((?: [^`#>|&)]*)?)");

    @Test
    void everyCommandLineInTheDocsParses() throws IOException {
        List<Path> files = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> docs = Files.walk(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).forEach(files::add);
        }
        int parsed = 0;
        for (Path file : files) {
            for (String text : Files.readAllLines(file)) {
                Matcher m = LINE.matcher(text);
                while (m.find()) {
                    String rest = m.group(1).strip();
                    if (rest.contains("[") || rest.contains("...") || rest.contains("<") || rest.startsWith("test")
                            || rest.contains("…")) {
                        continue;
                    }
                    String[] args = words(rest);
                    try {
                        Main.commandLine().parseArgs(args);
                        parsed++;
                    } catch (CommandLine.ParameterException e) {
                        fail(file + ": './racebench " + rest + "' does not parse: " + e.getMessage());
                    }
                }
            }
        }
        assertTrue(parsed >= 20, "only " + parsed + " command lines found in README.md and docs/");
    }

    /** Shell words: split on blanks, quotes removed (no command in the docs quotes a blank). */
    private static String[] words(String line) {
        String[] w = line.isEmpty() ? new String[0] : line.split("\\s+");
        for (int i = 0; i < w.length; i++) {
            w[i] = w[i].replace("'", "").replace("\"", "");
        }
        return w;
    }
}
