package racebench.process;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StderrTailTest {

    @Test
    void keepsOnlyTheLastBytes() throws InterruptedException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            text.append("line ").append(i).append('\n');
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.US_ASCII);
        StderrTail tail = StderrTail.start(new ByteArrayInputStream(bytes), "test", 64);
        tail.awaitEnd(5_000);
        assertEquals(text.substring(text.length() - 64), tail.tail());
    }

    @Test
    void shortOutputIsKeptWhole() throws InterruptedException {
        StderrTail tail = StderrTail.start(new ByteArrayInputStream("oops\n".getBytes(StandardCharsets.UTF_8)), "test");
        tail.awaitEnd(5_000);
        assertEquals("oops\n", tail.tail());
    }
}
