package racebench.process;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import racebench.workload.TaskFault;
import racebench.workload.Tasks;

/**
 * A worker JVM's main: says READY, then runs the requests it reads from stdin and writes
 * one response per request to stdout (see {@link Frames}), until stdin ends. With one
 * thread (argument {@code 1}, the default) it is the tutorials' pool process; with more, its
 * requests run on a fixed thread pool: the tutorials' "processes + threads". stdout carries
 * frames only, so System.out is pointed at stderr.
 */
public final class WorkerMain {
    private WorkerMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
        System.setOut(System.err);
        DataInputStream in = new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in)));
        Frames.writeReady(out, ProcessHandle.current().pid());
        out.flush();
        if (threads <= 1) {
            for (Frames.Request request; (request = Frames.readRequest(in)) != null; ) {
                Frames.writeResponse(out, run(request));
                out.flush();
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (Frames.Request request; (request = Frames.readRequest(in)) != null; ) {
            Frames.Request r = request;
            pool.execute(() -> respond(out, run(r)));
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.DAYS);
    }

    private static void respond(DataOutputStream out, Frames.Response response) {
        synchronized (out) {
            try {
                Frames.writeResponse(out, response);
                out.flush();
            } catch (IOException e) {
                // the parent is gone: nobody to answer, and it will kill us
                Runtime.getRuntime().halt(1);
            }
        }
    }

    static Frames.Response run(Frames.Request request) {
        if (request.spec().fault() == TaskFault.CRASH_WORKER_FOR_TEST) {
            System.err.println("worker " + ProcessHandle.current().pid() + ": crashing on purpose in task "
                    + request.spec().index() + " (test hook)");
            System.err.flush();
            Runtime.getRuntime().halt(TaskFault.CRASH_EXIT_CODE);
        }
        try {
            return Frames.Response.success(request.index(), Tasks.execute(request.spec()));
        } catch (InterruptedException e) {
            return Frames.Response.failure(request.index(), "interrupted: " + e.getMessage());
        } catch (RuntimeException | Error e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            return Frames.Response.failure(request.index(), trace.toString());
        }
    }
}
