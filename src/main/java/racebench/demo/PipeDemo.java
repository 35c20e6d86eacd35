package racebench.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The tutorials' two Pipe programs. First, a parent sends 0..9 and then "exit" to a worker
 * process, which prints each and stops on "exit": the parent joins it with the pipe still
 * open, so the worker ended because of "exit", not because its input ended. Then a writer
 * and a reader process at the two ends of one OS pipe (the writer's stdout is the reader's
 * stdin; this JVM does not relay), the writer's five products arriving in order.
 */
final class PipeDemo implements Demo {
    static final int MESSAGES = 10;

    @Override
    public void run(DemoOptions o, PrintWriter out) throws IOException, InterruptedException {
        long pause = o.nanos(2);
        long timeoutMillis = TimeUnit.MINUTES.toMillis(1) + TimeUnit.NANOSECONDS.toMillis(pause * (QueueDemo.PRODUCTS + 1));
        out.printf("Parent (pid %d) -> worker over the worker's stdin pipe%n", ProcessHandle.current().pid());
        out.flush();
        int workerExit;
        long workerPid;
        boolean reaped;
        ChildJvm worker = ChildJvm.start(out, DemoChild.Role.PIPE_WORKER);
        try {
            workerPid = worker.pid();
            Writer conn = worker.stdin();
            for (int i = 0; i < MESSAGES; i++) {
                conn.write(i + "\n");
            }
            conn.write(DemoChild.EXIT + "\n");
            conn.flush(); // and left open: the worker must stop on "exit", not on the end of its input
            workerExit = worker.join(timeoutMillis);
            reaped = !worker.isAlive();
            out.printf("Parent: worker pid %d %s%n", workerPid,
                    reaped ? "exited with code " + workerExit + " and was reaped" : "did not stop on \"exit\"");
            conn.close();
        } finally {
            worker.close();
        }
        long received = worker.printed().stream().filter(l -> l.startsWith("Worker received: ")).count();

        out.println("Writer process -> reader process over one OS pipe (the writer's stdout is the reader's stdin; "
                + "the parent only starts and joins them)");
        out.flush();
        List<ChildJvm> ends = ChildJvm.pipeline(out,
                ChildJvm.command(DemoChild.Role.WRITER, Integer.toString(QueueDemo.PRODUCTS), Long.toString(pause)),
                ChildJvm.command(DemoChild.Role.READER, Long.toString(pause), "true"));
        List<String> got;
        try {
            ends.get(0).stdin().close(); // the writer reads nothing
            ends.get(1).stdout().close(); // and the reader says everything on stderr
            for (ChildJvm end : ends) {
                int exit = end.join(timeoutMillis);
                if (exit != 0) {
                    throw new IOException("pipe process " + end.pid() + " ended with exit code " + exit);
                }
            }
            got = ends.get(1).printed().stream().filter(l -> l.startsWith("got ")).map(l -> l.substring(4)).toList();
        } finally {
            ends.forEach(ChildJvm::close);
        }
        out.println("Main process done");
        out.printf("showed: the worker printed %d of %d messages and stopped on \"%s\" with its input still open "
                        + "(exit code %d, %s); over a pipe between two processes the reader got %d products: %s%n",
                received, MESSAGES, DemoChild.EXIT, workerExit, reaped ? "reaped" : "NOT stopped", got.size(), got);
    }
}
