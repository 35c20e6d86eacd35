package racebench.twin;

import java.io.IOException;
import java.io.InputStream;
import java.lang.classfile.AccessFlags;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeModel;
import java.lang.classfile.CodeTransform;
import java.lang.classfile.MethodTransform;
import java.lang.classfile.instruction.InvokeInstruction;
import java.lang.classfile.instruction.MonitorInstruction;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.lang.reflect.AccessFlag;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Makes a class's twin: the same bytecode with its synchronisation taken out and nothing else
 * changed, with the JDK's ClassFile API. {@code synchronized} method flags are cleared;
 * {@code monitorenter} and {@code monitorexit} become a {@code pop} of their lock object; calls
 * that take or release a {@code Lock} (and {@code ReentrantLock}, the halves of a
 * {@code ReentrantReadWriteLock}), a {@code Semaphore} or a {@code StampedLock}, and the atomic
 * read-modify-writes of {@code AtomicInteger} and {@code AtomicLong}, become calls of
 * {@link RacyOps} with the same stack shape: no lock, and a plain read then a plain write.
 *
 * <p>Not covered: {@code VarHandle} and {@code Unsafe} operations, {@code LongAdder} and the
 * field updaters, and a lock taken in another class (only this class's bytecode is rewritten).
 * A class with nothing this rewrite covers has no twin of its own ({@link Removed#any}).
 */
public final class Unlocker {
    private static final ClassDesc RACY_OPS = ClassDesc.of(RacyOps.class.getName());
    private static final ClassDesc LOCK = ClassDesc.of("java.util.concurrent.locks.Lock");

    /** The receivers whose calls are replaced, by internal name, to the parameter type RacyOps takes. */
    private static final Map<String, ClassDesc> RECEIVERS = Map.of(
            "java/util/concurrent/locks/Lock", LOCK,
            "java/util/concurrent/locks/ReentrantLock", LOCK,
            "java/util/concurrent/locks/ReentrantReadWriteLock$ReadLock", LOCK,
            "java/util/concurrent/locks/ReentrantReadWriteLock$WriteLock", LOCK,
            "java/util/concurrent/Semaphore", ClassDesc.of("java.util.concurrent.Semaphore"),
            "java/util/concurrent/locks/StampedLock", ClassDesc.of("java.util.concurrent.locks.StampedLock"),
            "java/util/concurrent/atomic/AtomicInteger", ClassDesc.of("java.util.concurrent.atomic.AtomicInteger"),
            "java/util/concurrent/atomic/AtomicLong", ClassDesc.of("java.util.concurrent.atomic.AtomicLong"));

    /** RacyOps's methods as "name descriptor". */
    private static final Set<String> REPLACEMENTS = Arrays.stream(RacyOps.class.getDeclaredMethods())
            .filter(m -> Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers()))
            .map(Unlocker::key).collect(Collectors.toUnmodifiableSet());

    /**
     * What the rewrite took out of a class.
     *
     * @param synchronizedMethods methods whose {@code synchronized} flag was cleared
     * @param monitors            {@code monitorenter} and {@code monitorexit} instructions dropped
     * @param lockCalls           calls on a Lock, Semaphore or StampedLock replaced
     * @param atomicCalls         atomic read-modify-writes replaced by a read then a write
     */
    public record Removed(int synchronizedMethods, int monitors, int lockCalls, int atomicCalls) {
        public boolean any() {
            return synchronizedMethods + monitors + lockCalls + atomicCalls > 0;
        }

        /** "2 synchronized methods, 1 lock call", for the console; "nothing" when empty. */
        public String describe() {
            StringBuilder s = new StringBuilder();
            part(s, synchronizedMethods, "synchronized method");
            part(s, monitors, "monitor instruction");
            part(s, lockCalls, "lock call");
            part(s, atomicCalls, "atomic read-modify-write");
            return s.isEmpty() ? "nothing" : s.toString();
        }

        private static void part(StringBuilder s, int n, String what) {
            if (n > 0) {
                s.append(s.isEmpty() ? "" : ", ").append(n).append(' ').append(what).append(n == 1 ? "" : "s");
            }
        }
    }

    /** A class's twin: its name, the rewritten class file, and what was taken out. */
    public record Twin(String className, byte[] bytes, Removed removed) {
    }

    private int synchronizedMethods;
    private int monitors;
    private int lockCalls;
    private int atomicCalls;

    private Unlocker() {
    }

    /** The twin of class {@code className} as {@code loader} finds its class file (none of its code runs). */
    public static Twin of(String className, ClassLoader loader) throws IOException {
        String resource = className.replace('.', '/') + ".class";
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("no class file " + resource);
            }
            return of(in.readAllBytes(), loader);
        }
    }

    /** The twin of class {@code className} on a user's class path, read without loading any of it into this JVM. */
    public static Twin of(String className, List<String> classPath) throws IOException {
        java.net.URL[] urls = new java.net.URL[classPath.size()];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = java.nio.file.Path.of(classPath.get(i)).toUri().toURL();
        }
        try (java.net.URLClassLoader loader = new java.net.URLClassLoader(urls, Unlocker.class.getClassLoader())) {
            return of(className, loader);
        }
    }

    /** The twin of a class file; {@code loader} resolves the types its stack maps need. */
    public static Twin of(byte[] classFile, ClassLoader loader) {
        Unlocker u = new Unlocker();
        ClassFile cf = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(ClassHierarchyResolver.defaultResolver()
                .orElse(ClassHierarchyResolver.ofResourceParsing(loader))));
        ClassModel model = cf.parse(classFile);
        byte[] out = cf.transformClass(model, ClassTransform.transformingMethods(u.methods()));
        return new Twin(model.thisClass().asInternalName().replace('/', '.'), out,
                new Removed(u.synchronizedMethods, u.monitors, u.lockCalls, u.atomicCalls));
    }

    /** Loads the twin in a class loader of its own whose parent is {@code parent}: beside the original, not instead. */
    public static Class<?> load(Twin twin, ClassLoader parent) throws ClassNotFoundException {
        return Class.forName(twin.className(), true, new TwinLoader(twin, parent));
    }

    private MethodTransform methods() {
        CodeTransform code = (cb, element) -> {
            if (element instanceof MonitorInstruction) {
                monitors++;
                cb.pop(); // monitorenter and monitorexit each consume the lock object, and so does this
            } else if (element instanceof InvokeInstruction call && replacement(call) != null) {
                MethodTypeDesc desc = replacement(call);
                if (call.owner().asInternalName().contains("atomic")) {
                    atomicCalls++;
                } else {
                    lockCalls++;
                }
                cb.invokestatic(RACY_OPS, call.name().stringValue(), desc);
            } else {
                cb.with(element);
            }
        };
        return (mb, element) -> {
            if (element instanceof AccessFlags flags && flags.has(AccessFlag.SYNCHRONIZED)) {
                synchronizedMethods++;
                mb.withFlags(flags.flagsMask() & ~ClassFile.ACC_SYNCHRONIZED);
            } else if (element instanceof CodeModel model) {
                mb.transformCode(model, code);
            } else {
                mb.with(element);
            }
        };
    }

    /** The RacyOps method that replaces this call, as a static method's type; null when none does. */
    private static MethodTypeDesc replacement(InvokeInstruction call) {
        ClassDesc receiver = RECEIVERS.get(call.owner().asInternalName());
        if (receiver == null || call.opcode() == java.lang.classfile.Opcode.INVOKESTATIC
                || call.opcode() == java.lang.classfile.Opcode.INVOKESPECIAL) {
            return null;
        }
        MethodTypeDesc type = call.typeSymbol().insertParameterTypes(0, receiver);
        return REPLACEMENTS.contains(call.name().stringValue() + " " + type.descriptorString()) ? type : null;
    }

    private static String key(Method m) {
        MethodTypeDesc type = MethodTypeDesc.of(ClassDesc.ofDescriptor(m.getReturnType().descriptorString()),
                Arrays.stream(m.getParameterTypes()).map(p -> ClassDesc.ofDescriptor(p.descriptorString()))
                        .toArray(ClassDesc[]::new));
        return m.getName() + " " + type.descriptorString();
    }
}
