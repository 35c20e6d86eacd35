package racebench.demo;

import java.io.IOException;
import java.io.PrintWriter;

/** The one entry point of {@code ./racebench demo [NAME]}. */
public final class Demos {
    private Demos() {
    }

    /**
     * Without a name, lists the demos one a line; with one, runs that demo. Throws
     * {@link DemoKind.UnknownDemo} for a name that is not a demo's, before anything runs.
     */
    public static void run(String name, DemoOptions options, PrintWriter out) throws IOException, InterruptedException {
        if (name == null) {
            int width = 0;
            for (DemoKind k : DemoKind.values()) {
                width = Math.max(width, k.label().length());
            }
            for (DemoKind k : DemoKind.values()) {
                out.printf("%-" + width + "s  %s%n", k.label(), k.description());
            }
            out.flush();
            return;
        }
        DemoKind kind = DemoKind.ofLabel(name);
        try {
            kind.create().run(options, out);
        } finally {
            out.flush();
        }
    }
}
