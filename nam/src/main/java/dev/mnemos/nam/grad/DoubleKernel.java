package dev.mnemos.nam.grad;

/**
 * The inner loops of training in double precision: dot products and {@code y += a x} over runs
 * of a row-major matrix. Two implementations: {@link ScalarDoubleKernel} (plain Java) and
 * {@code VectorDoubleKernel} (jdk.incubator.vector), chosen as the float kernels of
 * {@code NamMatrix} are: the vector one when the JVM has {@code --add-modules jdk.incubator.vector},
 * unless {@code -Dmnemos.nam.kernel=scalar}.
 */
interface DoubleKernel {

    /** {@code sum_j a[aFrom + j] b[j]} for j < n. */
    double dot(double[] a, int aFrom, double[] b, int n);

    /** {@code y[yFrom + j] += alpha x[j]} for j < n. */
    void axpy(double alpha, double[] x, double[] y, int yFrom, int n);

    /** {@code y[j] += alpha x[xFrom + j]} for j < n. */
    void axpyFrom(double alpha, double[] x, int xFrom, double[] y, int n);

    /** {@code sum_j a[aFrom + j] b[bFrom + j]} for j < n. */
    double dot(double[] a, int aFrom, double[] b, int bFrom, int n);

    /** {@code y[yFrom + j] += alpha x[xFrom + j]} for j < n. */
    void axpy(double alpha, double[] x, int xFrom, double[] y, int yFrom, int n);

    String name();

    DoubleKernel BEST = best();

    private static DoubleKernel best() {
        if (System.getProperty("mnemos.nam.kernel", "").equals("scalar")) {
            return new ScalarDoubleKernel();
        }
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            try {
                return (DoubleKernel) Class.forName("dev.mnemos.nam.grad.VectorDoubleKernel").getDeclaredConstructor()
                        .newInstance();
            } catch (ReflectiveOperationException | LinkageError e) {
                return new ScalarDoubleKernel();
            }
        }
        return new ScalarDoubleKernel();
    }
}
