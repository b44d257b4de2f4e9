package dev.mnemos.nam.grad;

import java.util.List;

/**
 * Differentiable operations on {@link Tensor}s, each with its backward rule written by hand and
 * recorded on a {@link Tape}. Among them the NAM primitives themselves ({@link #read},
 * {@link #write}), in double precision, so that the recurrent networks built on them (LSAM,
 * NAM-TM) are trained by backpropagation through time. Every rule is checked against central
 * finite differences in {@code OpsGradientTest}.
 */
public final class Ops {

    /** Added under square roots of norms so that a zero vector has a gradient (not NaN). */
    static final double NORM_EPSILON = 1e-12;
    /** The same for the columns of a tape, which start at zero. */
    static final double COLUMN_EPSILON = 1e-6;

    private static final DoubleKernel K = DoubleKernel.BEST;

    private Ops() {
    }

    /** {@code y = W x}. */
    public static Tensor matVec(Tape tape, Tensor w, Tensor x) {
        requireSize(x, w.cols, "x");
        Tensor y = new Tensor(w.rows, 1, mulVec(w, x.value));
        int n = w.cols;
        tape.record(() -> {
            for (int i = 0; i < w.rows; i++) {
                double g = y.grad[i];
                if (g == 0) {
                    continue;
                }
                K.axpy(g, x.value, w.grad, i * n, n);
                K.axpyFrom(g, w.value, i * n, x.grad, n);
            }
        });
        return y;
    }

    /** Which loops training runs: "scalar" or "vector (n lanes)". */
    public static String kernel() {
        return K.name();
    }

    /** {@code y = W x + b}. */
    public static Tensor affine(Tape tape, Tensor w, Tensor b, Tensor x) {
        return add(tape, matVec(tape, w, x), b);
    }

    /** {@code a + b}, same sizes. */
    public static Tensor add(Tape tape, Tensor a, Tensor b) {
        requireSize(b, a.size(), "b");
        Tensor y = new Tensor(a.rows, a.cols);
        for (int i = 0; i < y.value.length; i++) {
            y.value[i] = a.value[i] + b.value[i];
        }
        tape.record(() -> {
            for (int i = 0; i < y.grad.length; i++) {
                a.grad[i] += y.grad[i];
                b.grad[i] += y.grad[i];
            }
        });
        return y;
    }

    /** The elementwise product {@code a * b}. */
    public static Tensor mul(Tape tape, Tensor a, Tensor b) {
        requireSize(b, a.size(), "b");
        Tensor y = new Tensor(a.rows, a.cols);
        for (int i = 0; i < y.value.length; i++) {
            y.value[i] = a.value[i] * b.value[i];
        }
        tape.record(() -> {
            for (int i = 0; i < y.grad.length; i++) {
                a.grad[i] += y.grad[i] * b.value[i];
                b.grad[i] += y.grad[i] * a.value[i];
            }
        });
        return y;
    }

    /** {@code s x} for a scalar tensor {@code s}. */
    public static Tensor scale(Tape tape, Tensor x, Tensor s) {
        requireSize(s, 1, "scale");
        Tensor y = new Tensor(x.rows, x.cols);
        double a = s.value[0];
        for (int i = 0; i < y.value.length; i++) {
            y.value[i] = a * x.value[i];
        }
        tape.record(() -> {
            double ds = 0;
            for (int i = 0; i < y.grad.length; i++) {
                x.grad[i] += a * y.grad[i];
                ds += y.grad[i] * x.value[i];
            }
            s.grad[0] += ds;
        });
        return y;
    }

    /** {@code c x} for a constant {@code c}. */
    public static Tensor times(Tape tape, Tensor x, double c) {
        Tensor y = new Tensor(x.rows, x.cols);
        for (int i = 0; i < y.value.length; i++) {
            y.value[i] = c * x.value[i];
        }
        tape.record(() -> {
            for (int i = 0; i < y.grad.length; i++) {
                x.grad[i] += c * y.grad[i];
            }
        });
        return y;
    }

    public static Tensor tanh(Tape tape, Tensor x) {
        Tensor y = new Tensor(x.rows, x.cols);
        for (int i = 0; i < y.value.length; i++) {
            y.value[i] = Math.tanh(x.value[i]);
        }
        tape.record(() -> {
            for (int i = 0; i < y.grad.length; i++) {
                x.grad[i] += y.grad[i] * (1 - y.value[i] * y.value[i]);
            }
        });
        return y;
    }

    public static Tensor sigmoid(Tape tape, Tensor x) {
        Tensor y = new Tensor(x.rows, x.cols);
        for (int i = 0; i < y.value.length; i++) {
            y.value[i] = sigmoid(x.value[i]);
        }
        tape.record(() -> {
            for (int i = 0; i < y.grad.length; i++) {
                x.grad[i] += y.grad[i] * y.value[i] * (1 - y.value[i]);
            }
        });
        return y;
    }

    /** {@code log(1 + e^x)}, a smooth positive number. */
    public static Tensor softplus(Tape tape, Tensor x) {
        Tensor y = new Tensor(x.rows, x.cols);
        for (int i = 0; i < y.value.length; i++) {
            double v = x.value[i];
            y.value[i] = v > 30 ? v : Math.log1p(Math.exp(v));
        }
        tape.record(() -> {
            for (int i = 0; i < y.grad.length; i++) {
                x.grad[i] += y.grad[i] * sigmoid(x.value[i]);
            }
        });
        return y;
    }

    /** The softmax of a vector. */
    public static Tensor softmax(Tape tape, Tensor x) {
        Tensor y = new Tensor(x.rows, x.cols, softmax(x.value));
        tape.record(() -> {
            double dot = 0;
            for (int i = 0; i < y.grad.length; i++) {
                dot += y.grad[i] * y.value[i];
            }
            for (int i = 0; i < y.grad.length; i++) {
                x.grad[i] += y.value[i] * (y.grad[i] - dot);
            }
        });
        return y;
    }

    /** The vectors one after the other. */
    public static Tensor concat(Tape tape, Tensor... parts) {
        int n = 0;
        for (Tensor p : parts) {
            n += p.size();
        }
        Tensor y = new Tensor(n, 1);
        int at = 0;
        for (Tensor p : parts) {
            System.arraycopy(p.value, 0, y.value, at, p.size());
            at += p.size();
        }
        tape.record(() -> {
            int from = 0;
            for (Tensor p : parts) {
                for (int i = 0; i < p.size(); i++) {
                    p.grad[i] += y.grad[from + i];
                }
                from += p.size();
            }
        });
        return y;
    }

    /** {@code x[from .. from + length)}. */
    public static Tensor slice(Tape tape, Tensor x, int from, int length) {
        if (from < 0 || length < 1 || from + length > x.size()) {
            throw new IllegalArgumentException("slice [" + from + ", " + (from + length) + ") of " + x.size() + " values");
        }
        Tensor y = new Tensor(length, 1);
        System.arraycopy(x.value, from, y.value, 0, length);
        tape.record(() -> {
            for (int i = 0; i < length; i++) {
                x.grad[from + i] += y.grad[i];
            }
        });
        return y;
    }

    /** The paper's mu: {@code x / |x|} (with {@code |x|^2 + 1e-12} under the root, so 0 maps to 0). */
    public static Tensor unit(Tape tape, Tensor x) {
        double ss = NORM_EPSILON;
        for (double v : x.value) {
            ss += v * v;
        }
        double n = Math.sqrt(ss);
        Tensor y = new Tensor(x.rows, x.cols);
        for (int i = 0; i < y.value.length; i++) {
            y.value[i] = x.value[i] / n;
        }
        tape.record(() -> {
            double dot = 0;
            for (int i = 0; i < y.grad.length; i++) {
                dot += y.grad[i] * y.value[i];
            }
            for (int i = 0; i < y.grad.length; i++) {
                x.grad[i] += (y.grad[i] - y.value[i] * dot) / n;
            }
        });
        return y;
    }

    /**
     * NAM read, {@code RD(M, q, p_r) = p_r M q}, for a {@code d_v x d_k} memory, a query of
     * {@code d_k} (normalise it first with {@link #unit}) and a scalar {@code p_r}.
     */
    public static Tensor read(Tape tape, Tensor m, Tensor q, Tensor pr) {
        requireSize(q, m.cols, "query");
        requireSize(pr, 1, "p_r");
        double[] mq = mulVec(m, q.value);
        double p = pr.value[0];
        Tensor h = new Tensor(m.rows, 1);
        for (int i = 0; i < m.rows; i++) {
            h.value[i] = p * mq[i];
        }
        tape.record(() -> {
            int dk = m.cols;
            double dp = 0;
            for (int i = 0; i < m.rows; i++) {
                double g = h.grad[i];
                dp += g * mq[i];
                double pg = p * g;
                K.axpy(pg, q.value, m.grad, i * dk, dk);
                K.axpyFrom(pg, m.value, i * dk, q.grad, dk);
            }
            pr.grad[0] += dp;
        });
        return h;
    }

    /**
     * NAM write, {@code WR(M, k, v, p_w, p_e) = M + p_w v k^T - p_e (M k) k^T}, as a new memory
     * ({@code M} is left as it was, as backpropagation through time needs every step's memory).
     * {@code k} should be unit length ({@link #unit}); {@code p_w}, {@code p_e} are scalars.
     */
    public static Tensor write(Tape tape, Tensor m, Tensor k, Tensor v, Tensor pw, Tensor pe) {
        requireSize(k, m.cols, "key");
        requireSize(v, m.rows, "value");
        requireSize(pw, 1, "p_w");
        requireSize(pe, 1, "p_e");
        int dk = m.cols;
        double[] mk = mulVec(m, k.value);
        double w = pw.value[0];
        double e = pe.value[0];
        Tensor out = new Tensor(m.rows, dk);
        for (int i = 0; i < m.rows; i++) {
            double c = w * v.value[i] - e * mk[i];
            System.arraycopy(m.value, i * dk, out.value, i * dk, dk);
            K.axpy(c, k.value, out.value, i * dk, dk);
        }
        tape.record(() -> writeBackward(m, k, v, w, e, pw, pe, mk, out.grad));
        return out;
    }

    private static void writeBackward(Tensor m, Tensor k, Tensor v, double w, double e, Tensor pw, Tensor pe,
            double[] mk, double[] g) {
        int dk = m.cols;
        double[] gk = new double[m.rows];
        for (int i = 0; i < m.rows; i++) {
            gk[i] = K.dot(g, i * dk, k.value, dk);
        }
        double dpw = 0;
        double dpe = 0;
        for (int i = 0; i < m.rows; i++) {
            dpw += v.value[i] * gk[i];
            dpe -= mk[i] * gk[i];
            v.grad[i] += w * gk[i];
            // dk += p_w G^T v - p_e (M^T (G k) + G^T (M k))
            double a = w * v.value[i] - e * mk[i];
            double b = e * gk[i];
            int base = i * dk;
            for (int j = 0; j < dk; j++) {
                m.grad[base + j] += g[base + j];
            }
            K.axpy(-b, k.value, m.grad, base, dk);
            K.axpyFrom(a, g, base, k.grad, dk);
            K.axpyFrom(-b, m.value, base, k.grad, dk);
        }
        pw.grad[0] += dpw;
        pe.grad[0] += dpe;
    }

    /** The vector moved round by {@code by} places: {@code y[(i + by) mod n] = x[i]}. */
    public static Tensor shift(Tape tape, Tensor x, int by) {
        int n = x.size();
        Tensor y = new Tensor(x.rows, x.cols);
        for (int i = 0; i < n; i++) {
            y.value[Math.floorMod(i + by, n)] = x.value[i];
        }
        tape.record(() -> {
            for (int i = 0; i < n; i++) {
                x.grad[i] += y.grad[Math.floorMod(i + by, n)];
            }
        });
        return y;
    }

    /** {@code sum_i s[i] xs[i]}: the vectors mixed with the weights of {@code s}. */
    public static Tensor mix(Tape tape, Tensor s, List<Tensor> xs) {
        requireSize(s, xs.size(), "weights");
        Tensor first = xs.get(0);
        Tensor y = new Tensor(first.rows, first.cols);
        for (int c = 0; c < xs.size(); c++) {
            Tensor x = xs.get(c);
            requireSize(x, y.size(), "mixed vector " + c);
            for (int i = 0; i < y.value.length; i++) {
                y.value[i] += s.value[c] * x.value[i];
            }
        }
        tape.record(() -> {
            for (int c = 0; c < xs.size(); c++) {
                Tensor x = xs.get(c);
                double a = s.value[c];
                double ds = 0;
                for (int i = 0; i < y.grad.length; i++) {
                    x.grad[i] += a * y.grad[i];
                    ds += y.grad[i] * x.value[i];
                }
                s.grad[c] += ds;
            }
        });
        return y;
    }

    /**
     * The cosine between {@code q} ({@code d_v}) and each column of {@code M} ({@code d_v x n}):
     * how well each cell of a tape matches a query (a zero column gives 0).
     */
    public static Tensor columnCosines(Tape tape, Tensor m, Tensor q) {
        requireSize(q, m.rows, "query");
        int n = m.cols;
        double qq = COLUMN_EPSILON;
        for (double v : q.value) {
            qq += v * v;
        }
        double nq = Math.sqrt(qq);
        double qSquared = qq;
        double[] dots = new double[n];
        double[] norms = new double[n];
        for (int j = 0; j < n; j++) {
            double d = 0;
            double cc = COLUMN_EPSILON;
            for (int i = 0; i < m.rows; i++) {
                double c = m.value[i * n + j];
                d += c * q.value[i];
                cc += c * c;
            }
            dots[j] = d;
            norms[j] = Math.sqrt(cc);
        }
        Tensor y = new Tensor(n, 1);
        for (int j = 0; j < n; j++) {
            y.value[j] = dots[j] / (norms[j] * nq);
        }
        tape.record(() -> {
            for (int j = 0; j < n; j++) {
                double g = y.grad[j];
                if (g == 0) {
                    continue;
                }
                double inv = 1 / (norms[j] * nq);
                double cCol = y.value[j] / (norms[j] * norms[j]);
                double cQ = y.value[j] / qSquared;
                for (int i = 0; i < m.rows; i++) {
                    double c = m.value[i * n + j];
                    m.grad[i * n + j] += g * (q.value[i] * inv - cCol * c);
                    q.grad[i] += g * (c * inv - cQ * q.value[i]);
                }
            }
        });
        return y;
    }

    /** {@code -log softmax(logits)[target]}, a scalar. */
    public static Tensor crossEntropy(Tape tape, Tensor logits, int target) {
        if (target < 0 || target >= logits.size()) {
            throw new IllegalArgumentException("target " + target + " is not one of " + logits.size() + " classes");
        }
        double[] p = softmax(logits.value);
        Tensor loss = Tensor.vector(-Math.log(Math.max(p[target], Double.MIN_NORMAL)));
        tape.record(() -> {
            double g = loss.grad[0];
            for (int i = 0; i < p.length; i++) {
                logits.grad[i] += g * (p[i] - (i == target ? 1 : 0));
            }
        });
        return loss;
    }

    /** The sum of scalars (or of vectors of one size). */
    public static Tensor sum(Tape tape, List<Tensor> xs) {
        Tensor y = new Tensor(xs.get(0).rows, xs.get(0).cols);
        for (Tensor x : xs) {
            requireSize(x, y.size(), "summand");
            for (int i = 0; i < y.value.length; i++) {
                y.value[i] += x.value[i];
            }
        }
        tape.record(() -> {
            for (Tensor x : xs) {
                for (int i = 0; i < y.grad.length; i++) {
                    x.grad[i] += y.grad[i];
                }
            }
        });
        return y;
    }

    static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    static double[] softmax(double[] x) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            max = Math.max(max, v);
        }
        double[] p = new double[x.length];
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            p[i] = Math.exp(x[i] - max);
            s += p[i];
        }
        for (int i = 0; i < x.length; i++) {
            p[i] /= s;
        }
        return p;
    }

    private static double[] mulVec(Tensor m, double[] x) {
        double[] y = new double[m.rows];
        int n = m.cols;
        for (int i = 0; i < m.rows; i++) {
            y[i] = K.dot(m.value, i * n, x, n);
        }
        return y;
    }

    private static void requireSize(Tensor x, int n, String name) {
        if (x.size() != n) {
            throw new IllegalArgumentException(name + " has " + x.size() + " values, expected " + n);
        }
    }
}
