package dev.mnemos.poem.graph;

/**
 * The dot product the graph index scores with. Two implementations: {@code VectorDot} (SIMD lanes of
 * jdk.incubator.vector, used when the JVM was started with {@code --add-modules
 * jdk.incubator.vector}, as the launchers do) and {@link Scalar} (eight running sums, always there;
 * {@code -Dmnemos.poem.dot=scalar} forces it). On JDK 17 JVector has no SIMD code of its own (it
 * needs the Vector API of JDK 20+), and scoring is most of a graph read's and insert's time.
 */
abstract class FloatDot {

    static final FloatDot BEST = best();

    abstract float dot(float[] a, float[] b);

    abstract String name();

    private static FloatDot best() {
        if (System.getProperty("mnemos.poem.dot", "").equals("scalar")) return new Scalar();
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            try {
                return (FloatDot) Class.forName(FloatDot.class.getPackageName() + ".VectorDot").getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | LinkageError e) {
                return new Scalar();
            }
        }
        return new Scalar();
    }

    /**
     * Eight running sums: JVector's own fallback sums one product at a time, waiting on each add;
     * independent sums let the CPU overlap them.
     */
    static final class Scalar extends FloatDot {
        @Override
        float dot(float[] a, float[] b) {
            float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
            int n = a.length;
            int i = 0;
            for (; i + 7 < n; i += 8) {
                s0 += a[i] * b[i];
                s1 += a[i + 1] * b[i + 1];
                s2 += a[i + 2] * b[i + 2];
                s3 += a[i + 3] * b[i + 3];
                s4 += a[i + 4] * b[i + 4];
                s5 += a[i + 5] * b[i + 5];
                s6 += a[i + 6] * b[i + 6];
                s7 += a[i + 7] * b[i + 7];
            }
            for (; i < n; i++) s0 += a[i] * b[i];
            return (s0 + s1) + (s2 + s3) + (s4 + s5) + (s6 + s7);
        }

        @Override
        String name() {
            return "scalar";
        }
    }
}
