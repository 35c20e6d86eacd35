package racebench.demo;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs a demo into a string, and reads numbers back out of its lines. */
final class DemoOutput {
    private DemoOutput() {
    }

    static DemoOptions options(long unitMillis) {
        return DemoOptions.defaults().withUnit(Duration.ofMillis(unitMillis)).withSeed(42);
    }

    /** The demo's lines; checks that the last, and only the last, starts with "showed:". */
    static List<String> run(DemoKind kind, DemoOptions options) throws Exception {
        StringWriter text = new StringWriter();
        Demos.run(kind.label(), options, new PrintWriter(text));
        List<String> lines = text.toString().lines().toList();
        assertTrue(lines.getLast().startsWith("showed: "), text.toString());
        assertEquals(1, lines.stream().filter(l -> l.startsWith("showed:")).count(), text.toString());
        return lines;
    }

    static List<String> matching(List<String> lines, String regex) {
        Pattern p = Pattern.compile(regex);
        return lines.stream().filter(l -> p.matcher(l).find()).toList();
    }

    /** Group 1 of the first match of regex in any line, as a double; fails when absent. */
    static double number(List<String> lines, String regex) {
        Pattern p = Pattern.compile(regex);
        for (String l : lines) {
            Matcher m = p.matcher(l);
            if (m.find()) {
                return Double.parseDouble(m.group(1));
            }
        }
        throw new AssertionError("no line matches " + regex + " in " + lines);
    }

    static List<Long> longs(List<String> lines, String regex) {
        Pattern p = Pattern.compile(regex);
        return lines.stream().map(p::matcher).filter(Matcher::find).map(m -> Long.parseLong(m.group(1))).toList();
    }
}
