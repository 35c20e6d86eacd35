package racebench.twin;

/**
 * Defines one twin class ({@link Unlocker.Twin}) and leaves every other class to its parent, so
 * the twin runs beside the original (same name, another loader) and shares its interfaces, such
 * as {@code SharedCounter}, with the code that drives it.
 */
final class TwinLoader extends ClassLoader {
    private final Unlocker.Twin twin;

    TwinLoader(Unlocker.Twin twin, ClassLoader parent) {
        super("racebench-twin", parent);
        this.twin = twin;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.equals(twin.className())) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                c = defineClass(name, twin.bytes(), 0, twin.bytes().length);
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }
}
