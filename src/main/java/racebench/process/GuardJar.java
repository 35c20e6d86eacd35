package racebench.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * A jar of {@link HostMain} and {@link OrphanGuard} alone, for the class path of a JVM that runs
 * a user's jar (a JMH host): racebench's own jar there would bring its JMH beside the user's.
 * Their class files are marked for Java 11 ({@link #CLASS_VERSION}), which their code keeps to,
 * so that a side on an older JDK than racebench's runs them. Written once into racebench's
 * private cache, named by its content's hash.
 */
public final class GuardJar {
    private static final List<Class<?>> CLASSES = List.of(HostMain.class, OrphanGuard.class);
    /** The class file version the guard's classes are written with: Java 11's. */
    static final int CLASS_VERSION = 55;

    private GuardJar() {
    }

    /** The class file with its version set to {@link #CLASS_VERSION}, everything else as compiled. */
    static byte[] forJava11(byte[] classFile) {
        java.lang.classfile.ClassFile cf = java.lang.classfile.ClassFile.of();
        return cf.transformClass(cf.parse(classFile), (builder, element) -> {
            if (element instanceof java.lang.classfile.ClassFileVersion) {
                builder.withVersion(CLASS_VERSION, 0);
            } else {
                builder.with(element);
            }
        });
    }

    /** The jar, written now if this racebench's classes are not in the cache yet. */
    public static Path path() throws IOException {
        List<byte[]> classes = new java.util.ArrayList<>();
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (Class<?> c : CLASSES) {
            try (InputStream in = c.getResourceAsStream(c.getSimpleName() + ".class")) {
                if (in == null) {
                    throw new IOException("no class file for " + c.getName());
                }
                byte[] bytes = forJava11(in.readAllBytes());
                classes.add(bytes);
                sha.update(bytes);
            }
        }
        Path jar = PrivateFiles.cacheDir("guard").resolve("host-guard-"
                + HexFormat.of().formatHex(sha.digest()).substring(0, 16) + ".jar");
        if (Files.isRegularFile(jar, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return jar; // a link in its place is replaced by racebench's own jar, never trusted
        }
        Path part = Files.createTempFile(jar.getParent(), "host-guard-", ".part");
        try {
            try (OutputStream out = Files.newOutputStream(part); JarOutputStream j = new JarOutputStream(out)) {
                for (int i = 0; i < CLASSES.size(); i++) {
                    j.putNextEntry(new JarEntry(CLASSES.get(i).getName().replace('.', '/') + ".class"));
                    j.write(classes.get(i));
                    j.closeEntry();
                }
            }
            Files.move(part, jar, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(part);
        }
        return jar;
    }
}
