package racebench.results;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The progress line redraws itself on a terminal and stays quiet in a log. */
class ProgressLineTest {

    @Test
    void onATerminalTheLineIsRedrawnInPlaceAndNotesGetLinesOfTheirOwn() {
        StringWriter text = new StringWriter();
        ProgressLine line = new ProgressLine(new PrintWriter(text), true);
        line.update("[##..] 10%");
        line.update("[###.] 20%");
        line.note("round 2");
        line.update("[####] 9%");
        line.done();
        assertEquals("\r  [##..] 10%\r  [###.] 20%\r            \r  round 2\n\r  [####] 9%\r           \r",
                text.toString().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void aLineWiderThanTheTerminalIsCutSoItNeverWraps() {
        assertEquals("short", ProgressLine.fit("short", 80));
        String wide = "x".repeat(150);
        assertEquals(79, ProgressLine.fit(wide, 80).length());
        assertEquals("x".repeat(78) + "…", ProgressLine.fit(wide, 80));
        assertEquals(79, ProgressLine.fit("x".repeat(80), 80).length(), "80 characters on 80 columns would wrap too");
    }

    @Test
    void inALogUpdatesArePrintedAtMostOnceAMinuteAndNotesAlways() {
        StringWriter text = new StringWriter();
        ProgressLine line = new ProgressLine(new PrintWriter(text), false);
        for (int i = 0; i < 100; i++) {
            line.update("fork " + i);
        }
        line.note("round 2");
        line.done();
        assertEquals("  fork 0\n  round 2\n", text.toString().replace(System.lineSeparator(), "\n"));
    }
}
