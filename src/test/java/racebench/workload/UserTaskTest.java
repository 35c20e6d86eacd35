package racebench.workload;

import org.junit.jupiter.api.Test;
import racebench.fixtures.SpinTask;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A user's task class checked without running any of its code. */
class UserTaskTest {
    static final String HERE = Path.of("target", "test-classes").toString();

    @Test
    void aPublicRunnableOrCallableWithANoArgumentConstructorIsATask() {
        assertEquals(Optional.empty(), UserTask.problem(SpinTask.class.getName(), HERE));
        assertEquals(Optional.empty(), UserTask.problem("racebench.fixtures.ThrowingTask", HERE), "a Callable");
    }

    @Test
    void whatIsWrongWithAClassIsNamed() {
        assertEquals(Optional.of("no class com.example.Nope on " + HERE), UserTask.problem("com.example.Nope", HERE));
        assertEquals(Optional.of("racebench.fixtures.NotACounter is neither a Runnable nor a Callable"),
                UserTask.problem("racebench.fixtures.NotACounter", HERE));
        assertTrue(UserTask.problem(SpinTask.class.getName(), "/no/such/dir").orElseThrow().contains("does not exist"));
    }

    @Test
    void theFlagsThatNameATaskReachTheWorkersOnlyWhenThisJvmRunsOne() {
        assertEquals(List.of("-Dracebench.task=a.B", "-Dracebench.task.classpath=/x"), UserTask.jvmArgs("a.B", "/x"));
        assertEquals(List.of(), UserTask.inheritedJvmArgs(), "the test JVM runs no user task");
    }
}
