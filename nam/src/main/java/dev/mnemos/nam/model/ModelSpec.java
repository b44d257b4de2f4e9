package dev.mnemos.nam.model;

/**
 * The kind and sizes of a {@link SequenceModel}: enough to build it again (then load its weights),
 * with {@code Models.build} (package {@code train}).
 *
 * @param kind what network it is
 * @param inputs length of an input vector
 * @param outputs number of output classes
 * @param hidden LSAM: d_v (the output size); LSTM: hidden size; NAM-TM: the controller's hidden size
 * @param keys LSAM: d_k; NAM-TM: the width of a tape cell; LSTM: unused (0)
 * @param heads NAM-TM: number of heads; others: unused (0)
 */
public record ModelSpec(ModelKind kind, int inputs, int outputs, int hidden, int keys, int heads) {

    public ModelSpec {
        if (kind == null) {
            throw new IllegalArgumentException("no model kind");
        }
        positive(inputs, "inputs");
        positive(outputs, "outputs");
        positive(hidden, "hidden size");
        if (kind.usesKeys()) {
            positive(keys, kind.keysName());
        }
        if (kind.usesHeads()) {
            positive(heads, "heads");
        }
    }

    public static ModelSpec lsam(int inputs, int outputs, int hidden, int keys) {
        return new ModelSpec(ModelKind.LSAM, inputs, outputs, hidden, keys, 0);
    }

    public static ModelSpec lstm(int inputs, int outputs, int hidden) {
        return new ModelSpec(ModelKind.LSTM, inputs, outputs, hidden, 0, 0);
    }

    public static ModelSpec namtm(int inputs, int outputs, int hidden, int cellWidth, int heads) {
        return new ModelSpec(ModelKind.NAMTM, inputs, outputs, hidden, cellWidth, heads);
    }

    /** A matrix-memory cell of {@code kind} (LSAM, DELTA, MLSTM or SHM) with {@code d_v} and {@code d_k}. */
    public static ModelSpec cell(ModelKind kind, int inputs, int outputs, int valueSize, int keySize) {
        if (kind == ModelKind.NAMTM || kind == ModelKind.LSTM) {
            throw new IllegalArgumentException(kind + " is not a matrix-memory cell");
        }
        return new ModelSpec(kind, inputs, outputs, valueSize, keySize, 0);
    }

    /**
     * How many weights a network of this spec has, computed from the sizes without building it
     * (so that a file's claim can be checked against its length first); {@link Long#MAX_VALUE}
     * when the count does not fit in a long.
     */
    public long weights() {
        try {
            long h = hidden;
            long out = Math.multiplyExact((long) outputs, h + 1);
            return switch (kind) {
                // (W_q, b_q, W_k, b_k) + (W_v, b_v) + (w_r, b_r, w_w, b_w) over z = [x ; h], then W_o, b_o
                case LSAM -> Math.addExact(Math.multiplyExact((long) inputs + h + 1, 2L * keys + h + 2), out);
                // the cell's projections and output, then the rule's own: beta; gates i, f, o; thetas, W_c, eta
                case DELTA -> Math.addExact(Math.multiplyExact((long) inputs + h + 1, 2L * keys + h), out + 1);
                case MLSTM -> Math.addExact(Math.multiplyExact((long) inputs + h + 1, 2L * keys + 2 * h + 2), out);
                case SHM -> Math.addExact(Math.multiplyExact((long) inputs + h + 1, 3L * keys + h + 1),
                        Math.addExact(out, 4 * h));
                case LSTM -> Math.addExact(lstmCell(inputs, h), out);
                // controller over [x ; reads], per head (h + 1)(8 + 2 width), output over [c ; reads]
                case NAMTM -> {
                    long reads = Math.multiplyExact((long) heads, keys);
                    long controller = lstmCell(Math.addExact(inputs, reads), h);
                    long head = Math.multiplyExact(Math.multiplyExact(h + 1, 8 + 2L * keys), heads);
                    long output = Math.multiplyExact((long) outputs, Math.addExact(h + 1, reads));
                    yield Math.addExact(Math.addExact(controller, head), output);
                }
            };
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    /** Four gates of {@code hidden x (inputs + hidden)} weights and {@code hidden} biases. */
    private static long lstmCell(long inputs, long hidden) {
        return Math.multiplyExact(4 * hidden, Math.addExact(inputs + hidden, 1));
    }

    private static void positive(int n, String name) {
        if (n < 1) {
            throw new IllegalArgumentException(name + " = " + n + " must be positive");
        }
    }
}
