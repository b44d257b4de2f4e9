package dev.mnemos.nam.tensor;

/**
 * The loops of {@link NamMatrix} over a row-major {@code dv x dk} matrix. Keys and queries given
 * here are already unit length. Two implementations: {@link ScalarKernel} (plain Java, always
 * there) and {@code VectorKernel} (jdk.incubator.vector, used when the JVM was started with
 * {@code --add-modules jdk.incubator.vector}).
 */
interface Kernel {

    /** {@code out = pr * M q}. */
    void read(float[] m, int dv, int dk, float[] q, float pr, float[] out);

    /** {@code M += (pw v - pe M k) k^T}, row by row: each row's {@code (M k)_i} then its update. */
    void write(float[] m, int dv, int dk, float[] k, float[] v, float pw, float pe);

    /**
     * A write followed by a read, in one pass over the rows: per row {@code (M k)_i} and
     * {@code (M q)_i} together, then the update, and {@code out_i = pr ((M q)_i + c_i (k . q))}
     * where {@code c_i = pw v_i - pe (M k)_i} is what the write added along k.
     */
    void writeRead(float[] m, int dv, int dk, float[] k, float[] v, float pw, float pe, float[] q, float pr,
            float[] out);

    String name();

    /** The vector kernel when the incubator module is present (and not switched off), else the scalar one. */
    static Kernel best() {
        String forced = System.getProperty("mnemos.nam.kernel", "");
        if (forced.equals("scalar")) {
            return ScalarKernel.INSTANCE;
        }
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            try {
                return (Kernel) Class.forName("dev.mnemos.nam.tensor.VectorKernel").getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | LinkageError e) {
                return ScalarKernel.INSTANCE;
            }
        }
        return ScalarKernel.INSTANCE;
    }
}
