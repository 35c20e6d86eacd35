package racebench.stats;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JudgeTest {
    private static final double[] BASE = {100, 103, 97, 101, 99, 102};
    private static final Comparison SLOWER = Comparison.of(BASE, new double[] {105, 108.2, 101.8, 106.1, 103.9, 107.1});
    private static final Comparison SAME = Comparison.of(BASE, BASE.clone());

    private static List<Comparison> night(Comparison first) {
        List<Comparison> rows = new ArrayList<>(List.of(first));
        while (rows.size() < 90) {
            rows.add(SAME);
        }
        return rows;
    }

    @Test
    void aChangeOneRunCanOnlySuspectIsAnAlarmWhenTheEvidenceOverRunsIsSignificant() {
        boolean[] primary = new boolean[90];
        List<Optional<Accumulated>> none = Collections.nCopies(90, Optional.empty());
        Judge.Judged alone = Judge.judge(night(SLOWER), primary, none, Comparison.Criteria.DEFAULT, AlarmBudget.DEFAULT)
                .getFirst();
        assertEquals(Change.SUSPECT, alone.verdict(), "5% slower, p " + SLOWER.p() + " alone");
        assertTrue(Double.isNaN(alone.runsAdjustedP()));

        List<Optional<Accumulated>> nights = new ArrayList<>(Collections.nCopies(90,
                Optional.of(new Accumulated(2, 12, 12, 1.0, 0.9))));
        nights.set(0, Optional.of(new Accumulated(2, 12, 12, 1.05, 1e-6)));
        Judge.Judged together = Judge.judge(night(SLOWER), primary, nights, Comparison.Criteria.DEFAULT,
                AlarmBudget.DEFAULT).getFirst();
        assertEquals(Change.REGRESSION, together.verdict());
        assertTrue(together.byRuns());
        assertEquals(0.05 * 0.75 / 90, together.share(), 1e-12, "tonight's test keeps three quarters of its share");
    }

    @Test
    void theEvidenceOverRunsMustReachTheNoiseAndItsOwnBar() {
        boolean[] primary = new boolean[90];
        List<Optional<Accumulated>> small = new ArrayList<>(Collections.nCopies(90, Optional.empty()));
        small.set(0, Optional.of(new Accumulated(3, 18, 18, 1.02, 1e-9)));
        assertEquals(Change.SUSPECT, Judge.judge(night(SLOWER), primary, small, Comparison.Criteria.DEFAULT,
                AlarmBudget.DEFAULT).getFirst().verdict(), "2% over the nights is within the noise");
        List<Optional<Accumulated>> weak = new ArrayList<>(Collections.nCopies(90, Optional.empty()));
        weak.set(0, Optional.of(new Accumulated(2, 12, 12, 1.05, 0.001)));
        Judge.Judged j = Judge.judge(night(SLOWER), primary, weak, Comparison.Criteria.DEFAULT, AlarmBudget.DEFAULT)
                .getFirst();
        assertEquals(Change.SUSPECT, j.verdict(), "p 0.001 over the nights, its bar 0.05 x 0.25 / 90");
        assertFalse(j.byRuns());
    }
}
