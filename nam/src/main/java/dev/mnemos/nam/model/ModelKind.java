package dev.mnemos.nam.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The kinds of trainable sequence model, each with the name it has in files and on the command
 * line ({@link #id()}) and in tables ({@link #label()}), and the sizes of {@link ModelSpec} it uses.
 */
public enum ModelKind {
    /** LSAM: one NAM memory written and read by the cell itself ({@code keys} = d_k). */
    LSAM("lsam", "LSAM", "key size", false),
    /** The NAM Turing machine: an LSTM controller and heads on a NAM tape ({@code keys} = cell width). */
    NAMTM("namtm", "NAM-TM", "cell width", true),
    /** The LSTM baseline (no {@code keys}, no {@code heads}). */
    LSTM("lstm", "LSTM", null, false),
    /** The matrix-memory cell with Infini-attention's delta rule and local-attention gate ({@code keys} = d_k). */
    DELTA("delta", "delta rule", "key size", false),
    /** The matrix-memory cell with xLSTM's scalar-gated update, mLSTM ({@code keys} = d_k). */
    MLSTM("mlstm", "mLSTM", "key size", false),
    /** The matrix-memory cell with Stable Hadamard Memory's calibrated update ({@code keys} = d_k). */
    SHM("shm", "SHM", "key size", false);

    private final String id;
    private final String label;
    private final String keysName;
    private final boolean usesHeads;

    ModelKind(String id, String label, String keysName, boolean usesHeads) {
        this.id = id;
        this.label = label;
        this.keysName = keysName;
        this.usesHeads = usesHeads;
    }

    /** The kind named {@code name} (its id, any case); an unknown name is an {@link IllegalArgumentException} listing the known ones. */
    public static ModelKind named(String name) {
        String id = name.toLowerCase(Locale.ROOT);
        for (ModelKind k : values()) {
            if (k.id.equals(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown model '" + name + "' (expected " + known() + ")");
    }

    /** "lsam, namtm or lstm". */
    static String known() {
        String all = Arrays.stream(values()).map(ModelKind::id).collect(Collectors.joining(", "));
        int last = all.lastIndexOf(", ");
        return last < 0 ? all : all.substring(0, last) + " or " + all.substring(last + 2);
    }

    /** The name in files and on the command line, e.g. "namtm". */
    public String id() {
        return id;
    }

    /** The name in tables and charts, e.g. "NAM-TM". */
    public String label() {
        return label;
    }

    /** Whether {@link ModelSpec#keys()} is used. */
    public boolean usesKeys() {
        return keysName != null;
    }

    /** What {@link ModelSpec#keys()} means for this kind ("key size", "cell width"), or null. */
    public String keysName() {
        return keysName;
    }

    /** Whether {@link ModelSpec#heads()} is used. */
    public boolean usesHeads() {
        return usesHeads;
    }

    @Override
    public String toString() {
        return id;
    }
}
