package racebench.race;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RaceReportTest {
    private static final String FIX = "racebench.stress.LostUpdate.Synchronized";
    private static final String TWIN = "racebench.stress.LostUpdate.RacyVolatile";
    private static final String USER = "racebench.stress.LostUpdate.UserCounter";

    private static OutcomeRow row(String test, String outcome, long count) {
        return new OutcomeRow(test, "actor1=C1 actor2=C2", "", 0, "NORMAL", outcome,
                outcome.equals("0") ? "ACCEPTABLE" : "ACCEPTABLE_INTERESTING", count, "d");
    }

    private static String print(List<OutcomeRow> rows, String userCounter) {
        StringWriter text = new StringWriter();
        RaceReport.print(new PrintWriter(text), rows, Verdicts.summarize(rows, userCounter),
                new RaceReport.Stress(StressMode.QUICK, null, null));
        return text.toString();
    }

    @Test
    void theWeakestChangeThatGivesEnoughSamplesIsNamed() {
        RaceReport.Stress quick = new RaceReport.Stress(StressMode.QUICK, null, null);
        assertEquals("--mode default", quick.toReach(3));
        assertEquals("--mode default --iterations 60", quick.toReach(50));
        assertEquals("--mode default --iterations 1200", quick.toReach(1000));
        assertEquals("--mode quick or stronger", new RaceReport.Stress(StressMode.SANITY, null, null).toReach(2));
    }

    @Test
    void aProvenFixShowsItsBoundAndSensitivity() {
        String out = print(List.of(row(FIX, "0", 1_000_000), row(TWIN, "0", 499_500), row(TWIN, "1", 500), VerdictsTest.second(row(TWIN, "0", 499_500)), VerdictsTest.second(row(TWIN, "1", 500))), null);
        assertTrue(out.contains("< 3.0e-06 (95%)"), out);
        assertTrue(out.contains(">= 317x lower"), out);
        assertTrue(out.contains("PROVEN"), out);
    }

    @Test
    void anUnprovenFixSaysWhatWouldMakeItAProof() {
        String out = print(List.of(row(FIX, "0", 200_000), row(TWIN, "0", 499_500), row(TWIN, "1", 500), VerdictsTest.second(row(TWIN, "0", 499_500)), VerdictsTest.second(row(TWIN, "1", 500))), null);
        assertTrue(out.contains("Synchronized is SAFE_UNPROVEN"), out);
        assertTrue(out.contains("To make it a proof: --mode default"), out);
        // one fix configuration at 5 s + 0.5 s, its twin's at 10 s + 2 x 0.5 s: 16.5 s
        assertTrue(out.contains("To prove every fix of this run: ./racebench race --mode default --tests '<the fixes>', "
                + "about 17 s (1 configurations of the fixes at 5 s"), out);
    }

    @Test
    void theUsersCounterIsToldItsRateAgainstTheReference() {
        String out = print(List.of(row(USER, "0", 1_000_000), row(TWIN, "0", 499_500), row(TWIN, "1", 500), VerdictsTest.second(row(TWIN, "0", 499_500)), VerdictsTest.second(row(TWIN, "1", 500))),
                "com.example.Mine");
        assertTrue(out.contains("com.example.Mine: 0 lost updates in 1,000,000 samples; a racy counter of this shape "
                + "(RacyVolatile) loses one every 1.0e+03 samples here; your counter's rate is at least 317x lower"), out);
        String weak = print(List.of(row(USER, "0", 10_000), row(TWIN, "0", 499_500), row(TWIN, "1", 500), VerdictsTest.second(row(TWIN, "0", 499_500)), VerdictsTest.second(row(TWIN, "1", 500))),
                "com.example.Mine");
        assertTrue(weak.contains("too few samples to tell"), weak);
        assertTrue(weak.contains("run with --mode default --iterations 38"), weak);
    }
}
