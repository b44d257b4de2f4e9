package dev.mnemos.nam.grad;

import java.util.List;

/**
 * Differentiable operations on {@link Tensor}s, each with its backward rule written by hand and
 * recorded on a {@link Tape}. Among them the NAM primitives themselves ({@link #read},
 * {@link #write}), in double precision, so that the recurrent networks built on them (LSAM,
 * NAM-TM) are trained by backpropagation through time. Every rule is checked against central
 * finite differences in {@code OpsGradientTest}.
 *
 * <p>Every operation works on a batch: its operands hold one value per sequence (batch B) or one
 * shared by all (batch 1, the weights), and the result has batch B; a shared operand's gradient is
 * the sum over the batch. A batch of B sequences is one tape of the same length as one sequence's,
 * so the bookkeeping per operation is paid once for all B.
 */
public final class Ops {

    /** Added under square roots of norms so that a zero vector has a gradient (not NaN). */
    static final double NORM_EPSILON = 1e-12;
    /** The same for the columns of a tape, which start at zero. */
    static final double COLUMN_EPSILON = 1e-6;

    private static final DoubleKernel K = DoubleKernel.BEST;

    private Ops() {
    }

    /** Which loops training runs: "scalar" or "vector (n lanes)". */
    public static String kernel() {
        return K.name();
    }

    /** {@code y = W x} (either may be a batch). */
    public static Tensor matVec(Tape tape, Tensor w, Tensor x) {
        requireSize(x, w.cols, "x");
        int batch = batch(w, x);
        int n = w.cols;
        Tensor y = new Tensor(w.rows, 1, batch);
        for (int b = 0; b < batch; b++) {
            int wo = at(w, b);
            int xo = at(x, b);
            for (int i = 0; i < w.rows; i++) {
                y.value[b * w.rows + i] = K.dot(w.value, wo + i * n, x.value, xo, n);
            }
        }
        tape.record(() -> {
            for (int b = 0; b < batch; b++) {
                int wo = at(w, b);
                int xo = at(x, b);
                for (int i = 0; i < w.rows; i++) {
                    double g = y.grad[b * w.rows + i];
                    if (g != 0) {
                        K.axpy(g, x.value, xo, w.grad, wo + i * n, n);
                        K.axpy(g, w.value, wo + i * n, x.grad, xo, n);
                    }
                }
            }
        });
        return y;
    }

    /** {@code y = W x + b}. */
    public static Tensor affine(Tape tape, Tensor w, Tensor b, Tensor x) {
        return add(tape, matVec(tape, w, x), b);
    }

    /** {@code a + b}, same sizes. */
    public static Tensor add(Tape tape, Tensor a, Tensor b) {
        requireSize(b, a.size(), "b");
        int batch = batch(a, b);
        int n = a.size();
        Tensor y = new Tensor(a.rows, a.cols, batch);
        for (int e = 0; e < batch; e++) {
            int ao = at(a, e);
            int bo = at(b, e);
            for (int i = 0; i < n; i++) {
                y.value[e * n + i] = a.value[ao + i] + b.value[bo + i];
            }
        }
        tape.record(() -> {
            for (int e = 0; e < batch; e++) {
                int ao = at(a, e);
                int bo = at(b, e);
                for (int i = 0; i < n; i++) {
                    a.grad[ao + i] += y.grad[e * n + i];
                    b.grad[bo + i] += y.grad[e * n + i];
                }
            }
        });
        return y;
    }

    /** The elementwise product {@code a * b} (the Hadamard product of two matrices). */
    public static Tensor mul(Tape tape, Tensor a, Tensor b) {
        requireSize(b, a.size(), "b");
        int batch = batch(a, b);
        int n = a.size();
        Tensor y = new Tensor(a.rows, a.cols, batch);
        for (int e = 0; e < batch; e++) {
            int ao = at(a, e);
            int bo = at(b, e);
            for (int i = 0; i < n; i++) {
                y.value[e * n + i] = a.value[ao + i] * b.value[bo + i];
            }
        }
        tape.record(() -> {
            for (int e = 0; e < batch; e++) {
                int ao = at(a, e);
                int bo = at(b, e);
                for (int i = 0; i < n; i++) {
                    double g = y.grad[e * n + i];
                    a.grad[ao + i] += g * b.value[bo + i];
                    b.grad[bo + i] += g * a.value[ao + i];
                }
            }
        });
        return y;
    }

    /** {@code s x} for a scalar tensor {@code s} (one per batch element, or one for all). */
    public static Tensor scale(Tape tape, Tensor x, Tensor s) {
        requireSize(s, 1, "scale");
        int batch = batch(x, s);
        int n = x.size();
        Tensor y = new Tensor(x.rows, x.cols, batch);
        for (int e = 0; e < batch; e++) {
            double a = s.value[at(s, e)];
            int xo = at(x, e);
            for (int i = 0; i < n; i++) {
                y.value[e * n + i] = a * x.value[xo + i];
            }
        }
        tape.record(() -> {
            for (int e = 0; e < batch; e++) {
                int so = at(s, e);
                double a = s.value[so];
                int xo = at(x, e);
                double ds = 0;
                for (int i = 0; i < n; i++) {
                    x.grad[xo + i] += a * y.grad[e * n + i];
                    ds += y.grad[e * n + i] * x.value[xo + i];
                }
                s.grad[so] += ds;
            }
        });
        return y;
    }

    /** {@code c x} for a constant {@code c}. */
    public static Tensor times(Tape tape, Tensor x, double c) {
        Tensor y = like(x);
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

    /** {@code x + c} for a constant {@code c}, elementwise. */
    public static Tensor plus(Tape tape, Tensor x, double c) {
        Tensor y = like(x);
        for (int i = 0; i < y.value.length; i++) {
            y.value[i] = x.value[i] + c;
        }
        tape.record(() -> {
            for (int i = 0; i < y.grad.length; i++) {
                x.grad[i] += y.grad[i];
            }
        });
        return y;
    }

    public static Tensor tanh(Tape tape, Tensor x) {
        Tensor y = like(x);
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
        Tensor y = like(x);
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
        Tensor y = like(x);
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

    /** Infini-attention's feature map, {@code ELU(x) + 1}: {@code x + 1} for {@code x > 0}, {@code e^x} otherwise; always positive. */
    public static Tensor eluPlusOne(Tape tape, Tensor x) {
        Tensor y = like(x);
        for (int i = 0; i < y.value.length; i++) {
            double v = x.value[i];
            y.value[i] = v > 0 ? v + 1 : Math.exp(v);
        }
        tape.record(() -> {
            for (int i = 0; i < y.grad.length; i++) {
                x.grad[i] += y.grad[i] * (x.value[i] > 0 ? 1 : y.value[i]);
            }
        });
        return y;
    }

    /** {@code 1 / x}, elementwise. */
    public static Tensor reciprocal(Tape tape, Tensor x) {
        Tensor y = like(x);
        for (int i = 0; i < y.value.length; i++) {
            y.value[i] = 1 / x.value[i];
        }
        tape.record(() -> {
            for (int i = 0; i < y.grad.length; i++) {
                x.grad[i] -= y.grad[i] * y.value[i] * y.value[i];
            }
        });
        return y;
    }

    /** {@code max(|x|, 1)}, elementwise: mLSTM's normaliser, never below 1. */
    public static Tensor atLeastOne(Tape tape, Tensor x) {
        Tensor y = like(x);
        for (int i = 0; i < y.value.length; i++) {
            y.value[i] = Math.max(Math.abs(x.value[i]), 1);
        }
        tape.record(() -> {
            for (int i = 0; i < y.grad.length; i++) {
                double v = x.value[i];
                x.grad[i] += Math.abs(v) > 1 ? y.grad[i] * Math.signum(v) : 0;
            }
        });
        return y;
    }

    /** The softmax of a vector. */
    public static Tensor softmax(Tape tape, Tensor x) {
        Tensor y = like(x);
        int n = x.size();
        for (int e = 0; e < x.batch; e++) {
            softmax(x.value, e * n, n, y.value);
        }
        tape.record(() -> {
            for (int e = 0; e < x.batch; e++) {
                int o = e * n;
                double dot = 0;
                for (int i = 0; i < n; i++) {
                    dot += y.grad[o + i] * y.value[o + i];
                }
                for (int i = 0; i < n; i++) {
                    x.grad[o + i] += y.value[o + i] * (y.grad[o + i] - dot);
                }
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
        int batch = batch(parts);
        int rows = n;
        Tensor y = new Tensor(n, 1, batch);
        for (int e = 0; e < batch; e++) {
            int pos = e * rows;
            for (Tensor p : parts) {
                System.arraycopy(p.value, at(p, e), y.value, pos, p.size());
                pos += p.size();
            }
        }
        tape.record(() -> {
            for (int e = 0; e < batch; e++) {
                int pos = e * rows;
                for (Tensor p : parts) {
                    int po = at(p, e);
                    for (int i = 0; i < p.size(); i++) {
                        p.grad[po + i] += y.grad[pos + i];
                    }
                    pos += p.size();
                }
            }
        });
        return y;
    }

    /** {@code x[from .. from + length)}. */
    public static Tensor slice(Tape tape, Tensor x, int from, int length) {
        if (from < 0 || length < 1 || from + length > x.size()) {
            throw new IllegalArgumentException("slice [" + from + ", " + (from + length) + ") of " + x.size() + " values");
        }
        Tensor y = new Tensor(length, 1, x.batch);
        int n = x.size();
        for (int e = 0; e < x.batch; e++) {
            System.arraycopy(x.value, e * n + from, y.value, e * length, length);
        }
        tape.record(() -> {
            for (int e = 0; e < x.batch; e++) {
                for (int i = 0; i < length; i++) {
                    x.grad[e * n + from + i] += y.grad[e * length + i];
                }
            }
        });
        return y;
    }

    /** The paper's mu: {@code x / |x|} (with {@code |x|^2 + 1e-12} under the root, so 0 maps to 0). */
    public static Tensor unit(Tape tape, Tensor x) {
        int n = x.size();
        double[] norms = new double[x.batch];
        Tensor y = like(x);
        for (int e = 0; e < x.batch; e++) {
            double ss = NORM_EPSILON;
            for (int i = 0; i < n; i++) {
                ss += x.value[e * n + i] * x.value[e * n + i];
            }
            norms[e] = Math.sqrt(ss);
            for (int i = 0; i < n; i++) {
                y.value[e * n + i] = x.value[e * n + i] / norms[e];
            }
        }
        tape.record(() -> {
            for (int e = 0; e < x.batch; e++) {
                int o = e * n;
                double dot = 0;
                for (int i = 0; i < n; i++) {
                    dot += y.grad[o + i] * y.value[o + i];
                }
                for (int i = 0; i < n; i++) {
                    x.grad[o + i] += (y.grad[o + i] - y.value[o + i] * dot) / norms[e];
                }
            }
        });
        return y;
    }

    /** {@code a . b}, one scalar per batch element. */
    public static Tensor dot(Tape tape, Tensor a, Tensor b) {
        requireSize(b, a.size(), "b");
        int batch = batch(a, b);
        int n = a.size();
        Tensor y = new Tensor(1, 1, batch);
        for (int e = 0; e < batch; e++) {
            y.value[e] = K.dot(a.value, at(a, e), b.value, at(b, e), n);
        }
        tape.record(() -> {
            for (int e = 0; e < batch; e++) {
                double g = y.grad[e];
                K.axpy(g, b.value, at(b, e), a.grad, at(a, e), n);
                K.axpy(g, a.value, at(a, e), b.grad, at(b, e), n);
            }
        });
        return y;
    }

    /** The outer product {@code v k^T}: a {@code |v| x |k|} matrix. */
    public static Tensor outer(Tape tape, Tensor v, Tensor k) {
        int batch = batch(v, k);
        int rows = v.size();
        int cols = k.size();
        Tensor y = new Tensor(rows, cols, batch);
        for (int e = 0; e < batch; e++) {
            int vo = at(v, e);
            int ko = at(k, e);
            for (int i = 0; i < rows; i++) {
                K.axpy(v.value[vo + i], k.value, ko, y.value, e * rows * cols + i * cols, cols);
            }
        }
        tape.record(() -> {
            for (int e = 0; e < batch; e++) {
                int vo = at(v, e);
                int ko = at(k, e);
                for (int i = 0; i < rows; i++) {
                    int row = e * rows * cols + i * cols;
                    v.grad[vo + i] += K.dot(y.grad, row, k.value, ko, cols);
                    K.axpy(v.value[vo + i], y.grad, row, k.grad, ko, cols);
                }
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
        int batch = batch(m, q, pr);
        int dk = m.cols;
        double[] mq = new double[m.rows * batch];
        Tensor h = new Tensor(m.rows, 1, batch);
        for (int e = 0; e < batch; e++) {
            double p = pr.value[at(pr, e)];
            for (int i = 0; i < m.rows; i++) {
                mq[e * m.rows + i] = K.dot(m.value, at(m, e) + i * dk, q.value, at(q, e), dk);
                h.value[e * m.rows + i] = p * mq[e * m.rows + i];
            }
        }
        tape.record(() -> {
            for (int e = 0; e < batch; e++) {
                int mo = at(m, e);
                int qo = at(q, e);
                double p = pr.value[at(pr, e)];
                double dp = 0;
                for (int i = 0; i < m.rows; i++) {
                    double g = h.grad[e * m.rows + i];
                    dp += g * mq[e * m.rows + i];
                    double pg = p * g;
                    K.axpy(pg, q.value, qo, m.grad, mo + i * dk, dk);
                    K.axpy(pg, m.value, mo + i * dk, q.grad, qo, dk);
                }
                pr.grad[at(pr, e)] += dp;
            }
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
        int batch = batch(m, k, v, pw, pe);
        int dk = m.cols;
        int size = m.size();
        double[] mk = new double[m.rows * batch];
        Tensor out = new Tensor(m.rows, dk, batch);
        for (int e = 0; e < batch; e++) {
            int mo = at(m, e);
            int ko = at(k, e);
            double w = pw.value[at(pw, e)];
            double er = pe.value[at(pe, e)];
            for (int i = 0; i < m.rows; i++) {
                mk[e * m.rows + i] = K.dot(m.value, mo + i * dk, k.value, ko, dk);
                double c = w * v.value[at(v, e) + i] - er * mk[e * m.rows + i];
                System.arraycopy(m.value, mo + i * dk, out.value, e * size + i * dk, dk);
                K.axpy(c, k.value, ko, out.value, e * size + i * dk, dk);
            }
        }
        tape.record(() -> {
            for (int e = 0; e < batch; e++) {
                writeBackward(m, k, v, pw, pe, mk, out.grad, e);
            }
        });
        return out;
    }

    private static void writeBackward(Tensor m, Tensor k, Tensor v, Tensor pw, Tensor pe, double[] mk, double[] g, int e) {
        int dk = m.cols;
        int mo = at(m, e);
        int ko = at(k, e);
        int vo = at(v, e);
        int go = e * m.size();
        double w = pw.value[at(pw, e)];
        double er = pe.value[at(pe, e)];
        double dpw = 0;
        double dpe = 0;
        for (int i = 0; i < m.rows; i++) {
            int row = go + i * dk;
            double gk = K.dot(g, row, k.value, ko, dk);
            double mki = mk[e * m.rows + i];
            dpw += v.value[vo + i] * gk;
            dpe -= mki * gk;
            v.grad[vo + i] += w * gk;
            // dk += p_w G^T v - p_e (M^T (G k) + G^T (M k))
            double a = w * v.value[vo + i] - er * mki;
            double b = er * gk;
            K.axpy(1, g, row, m.grad, mo + i * dk, dk);
            K.axpy(-b, k.value, ko, m.grad, mo + i * dk, dk);
            K.axpy(a, g, row, k.grad, ko, dk);
            K.axpy(-b, m.value, mo + i * dk, k.grad, ko, dk);
        }
        pw.grad[at(pw, e)] += dpw;
        pe.grad[at(pe, e)] += dpe;
    }

    /** The vector moved round by {@code by} places: {@code y[(i + by) mod n] = x[i]}. */
    public static Tensor shift(Tape tape, Tensor x, int by) {
        int n = x.size();
        Tensor y = like(x);
        for (int e = 0; e < x.batch; e++) {
            for (int i = 0; i < n; i++) {
                y.value[e * n + Math.floorMod(i + by, n)] = x.value[e * n + i];
            }
        }
        tape.record(() -> {
            for (int e = 0; e < x.batch; e++) {
                for (int i = 0; i < n; i++) {
                    x.grad[e * n + i] += y.grad[e * n + Math.floorMod(i + by, n)];
                }
            }
        });
        return y;
    }

    /** {@code sum_i s[i] xs[i]}: the vectors mixed with the weights of {@code s}. */
    public static Tensor mix(Tape tape, Tensor s, List<Tensor> xs) {
        requireSize(s, xs.size(), "weights");
        Tensor first = xs.get(0);
        Tensor[] all = xs.toArray(new Tensor[0]);
        int batch = Math.max(batch(all), s.batch);
        if (s.batch != 1 && s.batch != batch) {
            throw new IllegalArgumentException("weights of batch " + s.batch + " for vectors of batch " + batch);
        }
        int n = first.size();
        Tensor y = new Tensor(first.rows, first.cols, batch);
        for (int c = 0; c < xs.size(); c++) {
            requireSize(xs.get(c), n, "mixed vector " + c);
        }
        for (int e = 0; e < batch; e++) {
            for (int c = 0; c < xs.size(); c++) {
                Tensor x = xs.get(c);
                K.axpy(s.value[at(s, e) + c], x.value, at(x, e), y.value, e * n, n);
            }
        }
        tape.record(() -> {
            for (int e = 0; e < batch; e++) {
                for (int c = 0; c < xs.size(); c++) {
                    Tensor x = xs.get(c);
                    int xo = at(x, e);
                    K.axpy(s.value[at(s, e) + c], y.grad, e * n, x.grad, xo, n);
                    s.grad[at(s, e) + c] += K.dot(y.grad, e * n, x.value, xo, n);
                }
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
        int batch = batch(m, q);
        int n = m.cols;
        Tensor y = new Tensor(n, 1, batch);
        double[] dots = new double[n * batch];
        double[] norms = new double[n * batch];
        double[] qNorms = new double[batch];
        for (int e = 0; e < batch; e++) {
            int mo = at(m, e);
            int qo = at(q, e);
            double qq = COLUMN_EPSILON;
            for (int i = 0; i < m.rows; i++) {
                qq += q.value[qo + i] * q.value[qo + i];
            }
            qNorms[e] = Math.sqrt(qq);
            for (int j = 0; j < n; j++) {
                double d = 0;
                double cc = COLUMN_EPSILON;
                for (int i = 0; i < m.rows; i++) {
                    double c = m.value[mo + i * n + j];
                    d += c * q.value[qo + i];
                    cc += c * c;
                }
                dots[e * n + j] = d;
                norms[e * n + j] = Math.sqrt(cc);
                y.value[e * n + j] = d / (norms[e * n + j] * qNorms[e]);
            }
        }
        tape.record(() -> {
            for (int e = 0; e < batch; e++) {
                columnCosinesBackward(m, q, y, norms, qNorms[e], e);
            }
        });
        return y;
    }

    private static void columnCosinesBackward(Tensor m, Tensor q, Tensor y, double[] norms, double nq, int e) {
        int n = m.cols;
        int mo = at(m, e);
        int qo = at(q, e);
        double qSquared = nq * nq;
        for (int j = 0; j < n; j++) {
            double g = y.grad[e * n + j];
            if (g == 0) {
                continue;
            }
            double norm = norms[e * n + j];
            double cos = y.value[e * n + j];
            double inv = 1 / (norm * nq);
            double cCol = cos / (norm * norm);
            double cQ = cos / qSquared;
            for (int i = 0; i < m.rows; i++) {
                double c = m.value[mo + i * n + j];
                m.grad[mo + i * n + j] += g * (q.value[qo + i] * inv - cCol * c);
                q.grad[qo + i] += g * (c * inv - cQ * q.value[qo + i]);
            }
        }
    }

    /** {@code -log softmax(logits)[target]}, a scalar. */
    public static Tensor crossEntropy(Tape tape, Tensor logits, int target) {
        return crossEntropy(tape, logits, new int[] {target});
    }

    /** {@code -log softmax(logits)[targets[b]]} for each batch element b: one scalar each. */
    public static Tensor crossEntropy(Tape tape, Tensor logits, int[] targets) {
        int n = logits.size();
        if (targets.length != logits.batch) {
            throw new IllegalArgumentException(targets.length + " targets for a batch of " + logits.batch);
        }
        double[] p = new double[logits.value.length];
        Tensor loss = new Tensor(1, 1, logits.batch);
        for (int e = 0; e < logits.batch; e++) {
            if (targets[e] < 0 || targets[e] >= n) {
                throw new IllegalArgumentException("target " + targets[e] + " is not one of " + n + " classes");
            }
            softmax(logits.value, e * n, n, p);
            loss.value[e] = -Math.log(Math.max(p[e * n + targets[e]], Double.MIN_NORMAL));
        }
        tape.record(() -> {
            for (int e = 0; e < logits.batch; e++) {
                double g = loss.grad[e];
                for (int i = 0; i < n; i++) {
                    logits.grad[e * n + i] += g * (p[e * n + i] - (i == targets[e] ? 1 : 0));
                }
            }
        });
        return loss;
    }

    /** The sum of scalars (or of vectors of one size). */
    public static Tensor sum(Tape tape, List<Tensor> xs) {
        Tensor[] all = xs.toArray(new Tensor[0]);
        int batch = batch(all);
        int n = all[0].size();
        Tensor y = new Tensor(all[0].rows, all[0].cols, batch);
        for (Tensor x : xs) {
            requireSize(x, n, "summand");
            for (int e = 0; e < batch; e++) {
                K.axpy(1, x.value, at(x, e), y.value, e * n, n);
            }
        }
        tape.record(() -> {
            for (Tensor x : xs) {
                for (int e = 0; e < batch; e++) {
                    K.axpy(1, y.grad, e * n, x.grad, at(x, e), n);
                }
            }
        });
        return y;
    }

    /** The mean over the batch: one value per entry, batch 1. */
    public static Tensor batchMean(Tape tape, Tensor x) {
        int n = x.size();
        Tensor y = new Tensor(x.rows, x.cols);
        double c = 1.0 / x.batch;
        for (int e = 0; e < x.batch; e++) {
            K.axpy(c, x.value, e * n, y.value, 0, n);
        }
        tape.record(() -> {
            for (int e = 0; e < x.batch; e++) {
                K.axpy(c, y.grad, 0, x.grad, e * n, n);
            }
        });
        return y;
    }

    static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    static double[] softmax(double[] x) {
        double[] p = new double[x.length];
        softmax(x, 0, x.length, p);
        return p;
    }

    /** The softmax of {@code x[from .. from + n)} into {@code p[from .. from + n)}. */
    private static void softmax(double[] x, int from, int n, double[] p) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, x[from + i]);
        }
        double s = 0;
        for (int i = 0; i < n; i++) {
            p[from + i] = Math.exp(x[from + i] - max);
            s += p[from + i];
        }
        for (int i = 0; i < n; i++) {
            p[from + i] /= s;
        }
    }

    /** A new tensor of the shape and batch of {@code x}. */
    private static Tensor like(Tensor x) {
        return new Tensor(x.rows, x.cols, x.batch);
    }

    /** The batch of an operation whose operands hold one value per sequence (B) or one for all (1). */
    private static int batch(Tensor... operands) {
        int batch = 1;
        for (Tensor t : operands) {
            if (t.batch != 1) {
                if (batch != 1 && batch != t.batch) {
                    throw new IllegalArgumentException("operands of batch " + batch + " and " + t.batch);
                }
                batch = t.batch;
            }
        }
        return batch;
    }

    /** Where batch element {@code e} of {@code t} starts (0 for a shared one). */
    private static int at(Tensor t, int e) {
        return t.batch == 1 ? 0 : e * t.size();
    }

    private static void requireSize(Tensor x, int n, String name) {
        if (x.size() != n) {
            throw new IllegalArgumentException(name + " has " + x.size() + " values, expected " + n);
        }
    }
}
