package racebench.race;

import org.junit.jupiter.api.Test;
import racebench.fixtures.twins.AtomicCounter;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The test API's options, checked before anything runs. */
class RaceProofOptionsTest {

    @Test
    void badOptionsAreRefusedWithTheirReason() {
        RaceProof proof = RaceProof.of(AtomicCounter.class);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> proof.within(Duration.ZERO)).getMessage()
                .contains("positive"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> proof.mode("fast")).getMessage()
                .contains("sanity, quick, default or tough"));
    }

    @Test
    void theClassPathIsWhereTheClassWasLoadedFrom() {
        String path = RaceProof.classPath(AtomicCounter.class);
        assertTrue(path.endsWith("test-classes"), path);
        assertEquals(java.nio.file.Path.of(path), java.nio.file.Path.of(path).toAbsolutePath());
    }
}
