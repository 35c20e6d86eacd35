package racebench.cli;

import org.junit.jupiter.api.Test;
import racebench.demo.DemoKind;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ./racebench demo: lists every demo without a name; a bad name or unit is one line and exit 2. */
class DemoCommandTest {

    @Test
    void noNameListsEveryDemoOneALine() {
        MainTest.Outcome o = MainTest.run("demo");
        assertEquals(0, o.exit(), o.toString());
        List<String> labels = o.out().lines().map(l -> l.split(" +")[0]).toList();
        assertEquals(Arrays.stream(DemoKind.values()).map(DemoKind::label).toList(), labels, o.out());
    }

    @Test
    void unknownNameIsOneLineListingTheDemos() {
        MainTest.Outcome o = MainTest.run("demo", "nosuchdemo");
        MainTest.assertUsageError(o, "no demo named 'nosuchdemo'");
        for (DemoKind k : DemoKind.values()) {
            assertTrue(o.err().contains(k.label()), k + ": " + o.err());
        }
        assertEquals("", o.out());
    }

    @Test
    void unitMustBePositive() {
        MainTest.assertUsageError(MainTest.run("demo", "lock", "--unit", "0"), "--unit must be a positive");
        MainTest.assertUsageError(MainTest.run("demo", "lock", "--unit", "-5"), "--unit must be a positive");
        MainTest.assertUsageError(MainTest.run("demo", "lock", "--unit", "x"), "--unit");
        MainTest.assertUsageError(MainTest.run("demo", "pool", "--workers", "0"), "--workers");
    }
}
