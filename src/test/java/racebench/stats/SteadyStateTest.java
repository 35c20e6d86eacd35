package racebench.stats;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SteadyStateTest {

    @Test
    void coefficientOfVariationUsesTheSampleStdev() {
        assertEquals(Math.sqrt(2.5) / 11, SteadyState.coefficientOfVariation(new double[] {10, 12, 9, 11, 13}), 1e-12);
        assertEquals(0.1437398936, SteadyState.coefficientOfVariation(new double[] {10, 12, 9, 11, 13}), 1e-9);
        assertEquals(Math.sqrt(0.5) / 100, SteadyState.coefficientOfVariation(new double[] {100, 101, 99, 100, 100}),
                1e-12);
        assertEquals(0, SteadyState.coefficientOfVariation(new double[] {5, 5, 5}), 0);
    }

    @Test
    void twoPercentIsTheDefaultThreshold() {
        assertEquals(0.02, SteadyState.MAX_CV, 0);
        assertFalse(SteadyState.isUnstable(new double[] {100, 101, 99, 100, 100}));  // CV 0.71%
        assertTrue(SteadyState.isUnstable(new double[] {10, 12, 9, 11, 13}));        // CV 14%
        // {98, 102}: CV = sqrt(8) / 100 = 2.83%; {99, 101}: 1.41%
        assertTrue(SteadyState.isUnstable(new double[] {98, 102}));
        assertFalse(SteadyState.isUnstable(new double[] {99, 101}));
    }

    @Test
    void thresholdCanBeOverridden() {
        double[] drifting = {98, 102};
        assertFalse(SteadyState.isUnstable(drifting, 0.03));
        assertTrue(SteadyState.isUnstable(drifting, 0.028));
        assertTrue(SteadyState.isUnstable(new double[] {99, 101}, 0.01));
        assertFalse(SteadyState.isUnstable(new double[] {5, 5}, 0));
        assertThrows(IllegalArgumentException.class, () -> SteadyState.isUnstable(drifting, -0.1));
    }

    @Test
    void oneIterationOrAZeroMeanCannotShowASteadyState() {
        assertTrue(Double.isNaN(SteadyState.coefficientOfVariation(new double[] {7})));
        assertTrue(SteadyState.isUnstable(new double[] {7}));
        assertTrue(SteadyState.isUnstable(new double[] {-1, 1}));
        assertThrows(IllegalArgumentException.class, () -> SteadyState.isUnstable(new double[0]));
    }
}
