package racebench.results;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.StandardOpenOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file under a temporary name beside its target and moves it into place, so a
 * crash or an interrupt leaves either the old file or the new one, never half of one.
 */
public final class AtomicFiles {

    /** Writes the content; the body may throw, and then the target is left untouched. */
    @FunctionalInterface
    public interface Body {
        void write(Writer out) throws IOException;
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private AtomicFiles() {
    }

    public static void write(Path target, Body body) throws IOException {
        writeBytes(target, stream -> {
            // a body may close its writer (CSVPrinter does): that flushes, and the stream is closed here
            Writer out = new java.io.FilterWriter(new java.io.BufferedWriter(new java.io.OutputStreamWriter(stream,
                    StandardCharsets.UTF_8))) {
                @Override
                public void close() throws IOException {
                    flush();
                }
            };
            body.write(out);
            out.flush();
        });
    }

    /** Bytes, e.g. an image, written the same way: a new file moved into place, never through a link there. */
    public static void write(Path target, byte[] bytes) throws IOException {
        writeBytes(target, stream -> stream.write(bytes));
    }

    @FunctionalInterface
    private interface Bytes {
        void write(java.io.OutputStream out) throws IOException;
    }

    private static void writeBytes(Path target, Bytes body) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // a new file of a random name, as createTempFile makes, but with the umask's mode (createTempFile's is
        // always 0600): a results folder shared with a group or served by a web server stays readable
        Path tmp = dir.resolve("." + target.getFileName() + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".tmp");
        try {
            try (java.io.OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                body.write(out);
            }
            // on disk before it is visible: after a power cut, the old file or the whole new one
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            move(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Moves a finished file into place atomically where the file system allows it. */
    public static void move(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
