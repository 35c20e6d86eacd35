package racebench.race;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("fault")
@Tag("e2e") // starts JVMs
@Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class UserCounterCheckTest {
    /** The test classes directory holds the fixtures, as a user's build output would. */
    static final String FIXTURES = Path.of("target", "test-classes").toAbsolutePath().toString();

    private static String reason(String className, String classPath) {
        return assertThrows(IllegalArgumentException.class, () -> UserCounterCheck.check(className, classPath))
                .getMessage();
    }

    @Test
    void acceptsACorrectCounterAndReturnsAbsoluteEntries() {
        List<String> entries = UserCounterCheck.check("racebench.fixtures.UserSynchronizedCounter", FIXTURES);
        assertEquals(List.of(FIXTURES), entries);
    }

    @Test
    void rejectsEachKindOfBadCounterWithOneLine() {
        assertTrue(reason("no.Such", FIXTURES).contains("not found on --classpath"));
        assertTrue(reason("racebench.fixtures.NotACounter", FIXTURES).contains("does not implement"));
        assertTrue(reason("racebench.fixtures.NoDefaultConstructorCounter", FIXTURES)
                .contains("no public no-argument constructor"));
        assertTrue(reason("racebench.fixtures.ThrowingCounter", FIXTURES).contains("boom"));
        assertTrue(reason("racebench.fixtures.UserSynchronizedCounter", "/no/such/dir").contains("does not exist"));
        for (String r : List.of(reason("no.Such", FIXTURES), reason("racebench.fixtures.ThrowingCounter", FIXTURES))) {
            assertEquals(1, r.lines().count(), r);
        }
    }

    @Test
    void aCounterThatRecursesExitsHaltsOrHangsEndsOnlyItsOwnJvm() {
        String recursing = reason("racebench.fixtures.RecursingCounter", FIXTURES);
        assertTrue(recursing.contains("overflowed the stack"), recursing);
        String exiting = reason("racebench.fixtures.ExitingCounter", FIXTURES);
        assertTrue(exiting.contains("ended the JVM that checked it, exit code 0"), exiting);
        String halting = reason("racebench.fixtures.HaltingCounter", FIXTURES);
        assertTrue(halting.contains("ended the JVM that checked it, exit code 0"), halting);
        String hanging = assertThrows(IllegalArgumentException.class, () -> UserCounterCheck.check(
                "racebench.fixtures.LoopingCounter", FIXTURES, java.time.Duration.ofSeconds(5))).getMessage();
        assertTrue(hanging.contains("did not finish") && hanging.contains("within 5 s"), hanging);
        for (String r : List.of(recursing, exiting, halting, hanging)) {
            assertEquals(1, r.lines().count(), r);
        }
        assertEquals(0, racebench.process.Children.live(), "the check JVMs are reaped");
    }
}
