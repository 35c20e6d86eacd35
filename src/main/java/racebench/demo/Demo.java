package racebench.demo;

import java.io.IOException;
import java.io.PrintWriter;

/**
 * One seed program, ported: it prints what the tutorials' program prints (pids, task names,
 * times) and ends with one line starting {@code showed:} that states what this run measured.
 */
interface Demo {
    void run(DemoOptions options, PrintWriter out) throws IOException, InterruptedException;
}
