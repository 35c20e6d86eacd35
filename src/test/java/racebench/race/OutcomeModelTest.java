package racebench.race;

import org.junit.jupiter.api.Test;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.infra.StateCase;
import org.openjdk.jcstress.infra.TestInfo;
import org.openjdk.jcstress.infra.runners.TestList;
import racebench.workload.counter.CounterKind;

import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutcomeModelTest {

    @Test
    void seedValuesReachExactlyTheSevenKnownFinals() {
        assertEquals(new TreeSet<>(List.of(-4, -3, -1, 0, 1, 3, 4)), OutcomeModel.reachable(1, 4));
    }

    @Test
    void theLastStoreAlwaysSurvivesSoEqualIncrementsStayWithinOne() {
        // the final store is some actor's "- n", computed from a value that already held
        // the survivors so far: with a = b = 1 at most one unit can be off
        assertEquals(new TreeSet<>(List.of(-1, 0, 1)), OutcomeModel.reachable(1, 1));
    }

    @Test
    void zeroIsAlwaysReachableAndSerialExecutionGivesOnlyZero() {
        assertTrue(OutcomeModel.reachable(3, 7).contains(0));
        assertEquals(Set.of(0), Set.copyOf(OutcomeModel.reachable(0, 0)));
    }

    @Test
    void everyStressTestDeclaresExactlyTheModelsOutcomes() {
        SortedSet<Integer> model = OutcomeModel.reachable(1, 4);
        List<String> tests = TestList.tests().stream().filter(t -> t.startsWith("racebench.stress.LostUpdate.")).toList();
        assertEquals(CounterKind.values().length + 2, tests.size(), "one test per counter plus the user's and its twin: "
                + tests);
        for (String test : tests) {
            TestInfo info = TestList.getInfo(test);
            SortedSet<Integer> declared = new TreeSet<>();
            for (StateCase c : info.cases()) {
                declared.add(Integer.valueOf(c.matchPattern()));
                boolean racy = Verdicts.expectationOf(test).allowsRace();
                Expect wanted = c.matchPattern().equals("0") ? Expect.ACCEPTABLE
                        : racy ? Expect.ACCEPTABLE_INTERESTING : Expect.FORBIDDEN;
                assertEquals(wanted, c.expect(), test + " grades " + c.matchPattern());
                assertFalse(c.description().isBlank(), test + " describes " + c.matchPattern());
            }
            assertEquals(model, declared, test);
            assertNotNull(info.unmatched(), test + " needs a catch-all");
            assertEquals(Expect.FORBIDDEN, info.unmatched().expect(), test + " catch-all");
        }
    }
}
