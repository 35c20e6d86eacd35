package racebench.nightly;

import java.nio.file.Path;

/** A child JVM that takes the nightly lock, says so, and waits to be killed. */
public final class LockHolder {
    private LockHolder() {
    }

    public static void main(String[] args) throws Exception {
        NightlyLock lock = NightlyLock.acquire(Path.of(args[0]));
        System.out.println("locked " + lock);
        System.out.flush();
        Thread.sleep(60_000);
    }
}
