package dev.mnemos.vectors;

/**
 * A dot product chosen once for the JVM it runs on: {@code VectorDot} (SIMD lanes of
 * jdk.incubator.vector) when the JVM was started with {@code --add-modules jdk.incubator.vector},
 * as the launchers do, else {@link Vectors#dot(float[], float[])} (eight running sums, always
 * there); {@code -Dmnemos.dot=scalar} forces the second. For loops that score many vectors against
 * one query: poem's graph index scores with it (on JDK 17 JVector has no SIMD code of its own).
 */
public abstract class FloatDot {

    /** The fastest dot product this JVM has. */
    public static final FloatDot BEST = best();

    /** The dot product of two vectors of the same length (not checked: the caller's loop owns that). */
    public abstract float dot(float[] a, float[] b);

    /** {@code "scalar"} or {@code "vector (N lanes)"}. */
    public abstract String name();

    /** The plain-Java form, whatever the JVM has. */
    public static FloatDot scalar() {
        return Scalar.INSTANCE;
    }

    private static FloatDot best() {
        if (System.getProperty("mnemos.dot", "").equals("scalar")) return Scalar.INSTANCE;
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            try {
                return (FloatDot) Class.forName(FloatDot.class.getPackageName() + ".VectorDot").getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | LinkageError e) {
                return Scalar.INSTANCE;
            }
        }
        return Scalar.INSTANCE;
    }

    private static final class Scalar extends FloatDot {
        static final Scalar INSTANCE = new Scalar();

        @Override
        public float dot(float[] a, float[] b) {
            return Vectors.dot(a, 0, b, a.length);
        }

        @Override
        public String name() {
            return "scalar";
        }
    }
}
