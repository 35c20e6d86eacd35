package racebench.stats;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CorrectionTest {
    private static final double[] P = {0.01, 0.04, 0.03, 0.005};

    @Test
    void holmMatchesRsPAdjust() {
        // R: p.adjust(c(0.01, 0.04, 0.03, 0.005), "holm") = 0.03 0.06 0.06 0.02
        assertArrayEquals(new double[] {0.03, 0.06, 0.06, 0.02}, Correction.HOLM.adjust(P), 1e-12);
    }

    @Test
    void benjaminiHochbergMatchesRsPAdjust() {
        // R: p.adjust(c(0.01, 0.04, 0.03, 0.005), "BH") = 0.02 0.04 0.04 0.02
        assertArrayEquals(new double[] {0.02, 0.04, 0.04, 0.02}, Correction.BENJAMINI_HOCHBERG.adjust(P), 1e-12);
        // R: p.adjust(c(0.9, 0.02, 0.5, 0.04, 0.001), "BH") = 0.9 0.05 0.625 0.0666667 0.005
        assertArrayEquals(new double[] {0.9, 0.05, 0.625, 0.04 * 5 / 3, 0.005},
                Correction.BENJAMINI_HOCHBERG.adjust(new double[] {0.9, 0.02, 0.5, 0.04, 0.001}), 1e-12);
    }

    @Test
    void holmIsMonotoneAndCappedAtOne() {
        // sorted: 0.02*3 = 0.06, 0.5*2 = 1.0, max(1.0, 0.9) = 1.0
        assertArrayEquals(new double[] {1.0, 0.06, 1.0}, Correction.HOLM.adjust(new double[] {0.9, 0.02, 0.5}), 1e-12);
    }

    @Test
    void whenManyRowsChangeTogetherBhFindsThemAndHolmDoesNot() {
        // 40 rows at p = 0.01 among 150: Holm needs 0.05/150 for the first; BH 40 * 0.05/150 = 0.0133 for the 40th
        double[] p = new double[150];
        java.util.Arrays.fill(p, 0, 40, 0.01);
        java.util.Arrays.fill(p, 40, 150, 0.6);
        assertTrue(Correction.HOLM.adjust(p)[0] >= 0.05);
        assertEquals(0.01 * 150 / 40, Correction.BENJAMINI_HOCHBERG.adjust(p)[0], 1e-12);
        assertTrue(Correction.BENJAMINI_HOCHBERG.adjust(p)[0] < 0.05);
    }

    @Test
    void missingPValuesStayMissingAndDoNotCount() {
        for (Correction c : Correction.values()) {
            double[] adjusted = c.adjust(new double[] {Double.NaN, 0.01, 0.02});
            assertTrue(Double.isNaN(adjusted[0]), c.label());
            assertArrayEquals(new double[] {0.02, 0.02}, new double[] {adjusted[1], adjusted[2]}, 1e-12, c.label());
            assertThrows(IllegalArgumentException.class, () -> c.adjust(new double[] {1.5}));
        }
    }

    @Test
    void parsesItsShortNames() {
        assertEquals(Correction.HOLM, Correction.parse("holm"));
        assertEquals(Correction.BENJAMINI_HOCHBERG, Correction.parse("BH"));
        assertThrows(IllegalArgumentException.class, () -> Correction.parse("bonferroni"));
    }

    @Test
    void weightedHolmAgainstHandComputedValues() {
        // p/w = 0.025, 0.2, 0.15, 0.025; step-down with the weight left: 0.025, 0.025 x 0.6, 0.15 x 0.4, 0.2 x 0.2
        double[] w = {0.4, 0.2, 0.2, 0.2};
        assertArrayEquals(new double[] {0.025, 0.06, 0.06, 0.025}, Correction.HOLM.adjust(P, w), 1e-12);
        assertArrayEquals(Correction.HOLM.adjust(P, w), Correction.HOLM.adjust(P, new double[] {2, 1, 1, 1}), 1e-12,
                "weights are shares: any scale");
        assertArrayEquals(Correction.HOLM.adjust(P), Correction.HOLM.adjust(P, new double[] {1, 1, 1, 1}), 1e-12);
        assertArrayEquals(Correction.BENJAMINI_HOCHBERG.adjust(P),
                Correction.BENJAMINI_HOCHBERG.adjust(P, new double[] {3, 3, 3, 3}), 1e-12);
    }

    @Test
    void aRowWithMoreWeightMeetsALowerBar() {
        // 90 rows; row 0 at p = 0.001: above Holm's 0.05/90, below its weighted bar 0.8 x 0.05 / 36
        double[] p = new double[90];
        double[] w = new double[90];
        java.util.Arrays.fill(p, 0.5);
        for (int i = 0; i < 90; i++) {
            w[i] = i < 36 ? 0.8 / 36 : 0.2 / 54;
        }
        p[0] = 0.001;
        assertTrue(Correction.HOLM.adjust(p)[0] > 0.05);
        assertEquals(0.001 * 36 / 0.8, Correction.HOLM.adjust(p, w)[0], 1e-12);
        p[0] = 0.5;
        p[40] = 0.001;
        assertEquals(0.001 * 54 / 0.2, Correction.HOLM.adjust(p, w)[40], 1e-12, "an other row pays for the primaries' share");
        assertThrows(IllegalArgumentException.class, () -> Correction.HOLM.adjust(new double[] {0.1}, new double[] {0}));
        assertThrows(IllegalArgumentException.class, () -> Correction.HOLM.adjust(new double[] {0.1}, new double[] {1, 1}));
    }
}
