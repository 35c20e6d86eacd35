package racebench.stats;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HolmTest {

    @Test
    void matchesRsPAdjust() {
        // R: p.adjust(c(0.01, 0.04, 0.03, 0.005), "holm") = 0.03 0.06 0.06 0.02
        double[] adjusted = Holm.adjust(new double[] {0.01, 0.04, 0.03, 0.005});
        assertArrayEquals(new double[] {0.03, 0.06, 0.06, 0.02}, adjusted, 1e-12);
    }

    @Test
    void monotoneAndCappedAtOne() {
        // sorted: 0.02*3 = 0.06, 0.5*2 = 1.0, max(1.0, 0.9) = 1.0
        assertArrayEquals(new double[] {1.0, 0.06, 1.0}, Holm.adjust(new double[] {0.9, 0.02, 0.5}), 1e-12);
    }

    @Test
    void missingPValuesStayMissingAndDoNotCount() {
        double[] adjusted = Holm.adjust(new double[] {Double.NaN, 0.01, 0.02});
        assertTrue(Double.isNaN(adjusted[0]));
        assertArrayEquals(new double[] {0.02, 0.02}, new double[] {adjusted[1], adjusted[2]}, 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Holm.adjust(new double[] {1.5}));
    }
}
