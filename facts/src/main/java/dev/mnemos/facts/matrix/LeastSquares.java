package dev.mnemos.facts.matrix;

import java.util.Arrays;

/**
 * A linear memory that is, after every update, the weighted least-squares solution of what was
 * written (Larimar's memory posterior): with addresses {@code a_i} (rows of slots) and contents
 * {@code c_i} written at weights {@code w_i},
 *
 * <pre>
 *   M = argmin_M  sum_i w_i |c_i - a_i M|^2 + ridge |M|^2  =  P sum_i w_i a_i^T c_i,
 *   P = (ridge I + sum_i w_i a_i^T a_i)^-1
 * </pre>
 *
 * kept up to date by recursive least squares (Sherman-Morrison), so that an update costs
 * {@code O(slots^2 + slots width)} and never grows with the number of writes. An update at weight
 * {@code -w} of what was written at {@code w} takes it out again exactly: the memory is then what it
 * would be had it never been written (up to rounding). Double precision; not thread-safe.
 */
public final class LeastSquares {

    private final int slots;
    private final int width;
    private final double ridge;
    /** {@code slots x slots}, row-major, symmetric. */
    private final double[] p;
    /** {@code slots x width}, row-major. */
    private final double[] m;
    private long version;

    /**
     * An empty memory.
     *
     * @param slots the length of an address (K)
     * @param width the length of a content vector
     * @param ridge the prior's weight: a larger one keeps reads at new addresses smaller and smoother
     */
    public LeastSquares(int slots, int width, double ridge) {
        if (slots < 1 || width < 1 || !(ridge > 0)) {
            throw new IllegalArgumentException("slots = " + slots + ", width = " + width + ", ridge = " + ridge
                    + ": need positive sizes and a positive ridge");
        }
        this.slots = slots;
        this.width = width;
        this.ridge = ridge;
        this.p = new double[Math.multiplyExact(slots, slots)];
        this.m = new double[Math.multiplyExact(slots, width)];
        for (int i = 0; i < slots; i++) {
            p[i * slots + i] = 1 / ridge;
        }
    }

    /** A memory restored from {@link #inverse()} and {@link #matrix()} as they were saved. */
    public static LeastSquares restore(int slots, int width, double ridge, double[] inverse, double[] matrix) {
        LeastSquares ls = new LeastSquares(slots, width, ridge);
        if (inverse.length != ls.p.length || matrix.length != ls.m.length) {
            throw new IllegalArgumentException(inverse.length + " and " + matrix.length + " values for a memory of "
                    + slots + " slots and width " + width);
        }
        System.arraycopy(inverse, 0, ls.p, 0, inverse.length);
        System.arraycopy(matrix, 0, ls.m, 0, matrix.length);
        return ls;
    }

    /**
     * Writes {@code c} at address {@code a} with weight {@code w}: {@code w > 0} adds the pair,
     * {@code w < 0} removes one added at {@code -w}.
     *
     * @return false, changing nothing, when a removal would leave the memory without a
     *     least-squares solution (what it removes was never written)
     */
    public boolean update(double[] a, double[] c, double w) {
        check(a, slots, "address");
        check(c, width, "content");
        if (w == 0 || !Double.isFinite(w)) {
            throw new IllegalArgumentException("weight " + w + " must be finite and not 0");
        }
        int[] nz = nonZero(a);
        double[] u = new double[slots];
        for (int i = 0; i < slots; i++) {
            double s = 0;
            int row = i * slots;
            for (int j : nz) {
                s += p[row + j] * a[j];
            }
            u[i] = s;
        }
        double aPa = 0;
        for (int j : nz) {
            aPa += a[j] * u[j];
        }
        double denominator = 1 / w + aPa;
        if (w < 0 && !(denominator < -1e-9 * Math.max(1, Math.abs(aPa)))) {
            return false;
        }
        double[] e = c.clone();
        for (int j : nz) {
            axpy(-a[j], m, j * width, e, 0, width);
        }
        for (int i = 0; i < slots; i++) {
            double g = u[i] / denominator;
            if (g != 0) {
                axpy(g, e, 0, m, i * width, width);
                axpy(-g, u, 0, p, i * slots, slots);
            }
        }
        version++;
        return true;
    }

    /** {@code out = a M}: the content read at address {@code a}. */
    public void read(double[] a, double[] out) {
        check(a, slots, "address");
        check(out, width, "output");
        Arrays.fill(out, 0);
        for (int j = 0; j < slots; j++) {
            if (a[j] != 0) {
                axpy(a[j], m, j * width, out, 0, width);
            }
        }
    }

    /**
     * Larimar's read address for a pattern {@code k} known in columns {@code [from, from + k.length)}
     * of the contents: the least-squares solution {@code w = argmin |k - w M_K|^2 + eps |w|^2}, which is
     * {@code M_K (M_K^T M_K + eps I)^-1 k}. Computed through a factor cached until the next update.
     */
    public double[] pseudoInverseAddress(double[] k, int from, double eps) {
        Cholesky factor = gramFactor(from, k.length, eps);
        double[] y = factor.solve(k);
        double[] w = new double[slots];
        for (int i = 0; i < slots; i++) {
            double s = 0;
            int row = i * width + from;
            for (int j = 0; j < k.length; j++) {
                s += m[row + j] * y[j];
            }
            w[i] = s;
        }
        return w;
    }

    private Cholesky cached;
    private long cachedVersion = -1;
    private int cachedFrom = -1;

    private Cholesky gramFactor(int from, int n, double eps) {
        if (cached != null && cachedVersion == version && cachedFrom == from && cached.size() == n) {
            return cached;
        }
        double[] g = new double[n * n];
        for (int i = 0; i < slots; i++) {
            int row = i * width + from;
            for (int r = 0; r < n; r++) {
                double v = m[row + r];
                if (v != 0) {
                    axpy(v, m, row, g, r * n, n);
                }
            }
        }
        for (int r = 0; r < n; r++) {
            g[r * n + r] += eps;
        }
        cached = Cholesky.of(g, n);
        cachedVersion = version;
        cachedFrom = from;
        return cached;
    }

    public int slots() {
        return slots;
    }

    public int width() {
        return width;
    }

    public double ridge() {
        return ridge;
    }

    /** {@code P}, live (for saving). */
    public double[] inverse() {
        return p;
    }

    /** {@code M}, live (for saving). */
    public double[] matrix() {
        return m;
    }

    /** Bytes held: {@code 8 (slots^2 + slots width)}, whatever was written. */
    public long bytes() {
        return 8L * (p.length + (long) m.length);
    }

    private static int[] nonZero(double[] a) {
        int n = 0;
        for (double v : a) {
            n += v != 0 ? 1 : 0;
        }
        int[] nz = new int[n];
        int k = 0;
        for (int j = 0; j < a.length; j++) {
            if (a[j] != 0) {
                nz[k++] = j;
            }
        }
        return nz;
    }

    /** {@code y[yFrom + j] += alpha x[xFrom + j]} for j < n. */
    static void axpy(double alpha, double[] x, int xFrom, double[] y, int yFrom, int n) {
        for (int j = 0; j < n; j++) {
            y[yFrom + j] += alpha * x[xFrom + j];
        }
    }

    private static void check(double[] v, int n, String name) {
        if (v.length != n) {
            throw new IllegalArgumentException(name + " has " + v.length + " values, expected " + n);
        }
    }
}
