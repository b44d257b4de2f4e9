package dev.mnemos.nam.train;

import dev.mnemos.nam.grad.Params;
import dev.mnemos.nam.grad.Rng;
import dev.mnemos.nam.lsam.LsamModel;
import dev.mnemos.nam.lstm.LstmModel;
import dev.mnemos.nam.namtm.NamTuringMachine;
import java.util.Locale;

/**
 * The kind and sizes of a {@link SequenceModel}: enough to build it again (then load its weights).
 *
 * @param kind "lsam", "namtm" or "lstm"
 * @param inputs length of an input vector
 * @param outputs number of output classes
 * @param hidden LSAM: d_v (the output size); LSTM: hidden size; NAM-TM: the controller's hidden size
 * @param keys LSAM: d_k; NAM-TM: the width of a tape cell; LSTM: unused (0)
 * @param heads NAM-TM: number of heads; others: unused (0)
 */
public record ModelSpec(String kind, int inputs, int outputs, int hidden, int keys, int heads) {

    public ModelSpec {
        kind = kind.toLowerCase(Locale.ROOT);
        if (!kind.equals("lsam") && !kind.equals("namtm") && !kind.equals("lstm")) {
            throw new IllegalArgumentException("unknown model '" + kind + "' (expected lsam, namtm or lstm)");
        }
        positive(inputs, "inputs");
        positive(outputs, "outputs");
        positive(hidden, "hidden size");
        if (!kind.equals("lstm")) {
            positive(keys, kind.equals("lsam") ? "key size" : "cell width");
        }
        if (kind.equals("namtm")) {
            positive(heads, "heads");
        }
    }

    public static ModelSpec lsam(int inputs, int outputs, int hidden, int keys) {
        return new ModelSpec("lsam", inputs, outputs, hidden, keys, 0);
    }

    public static ModelSpec lstm(int inputs, int outputs, int hidden) {
        return new ModelSpec("lstm", inputs, outputs, hidden, 0, 0);
    }

    public static ModelSpec namtm(int inputs, int outputs, int hidden, int cellWidth, int heads) {
        return new ModelSpec("namtm", inputs, outputs, hidden, cellWidth, heads);
    }

    /** A new network of this spec with weights drawn from {@code seed}. */
    public SequenceModel build(long seed) {
        Params params = new Params(new Rng(seed));
        return switch (kind) {
            case "lsam" -> new LsamModel(this, params);
            case "lstm" -> new LstmModel(this, params);
            default -> new NamTuringMachine(this, params);
        };
    }

    private static void positive(int n, String name) {
        if (n < 1) {
            throw new IllegalArgumentException(name + " = " + n + " must be positive");
        }
    }
}
