package dev.mnemos.utm.lag;

import dev.mnemos.utm.machine.TuringMachine;

import java.util.Arrays;

/**
 * The names and ids of a {@link TuringLag} system's symbols. A symbol holds a block of
 * {@code width} tape cells, written joined by dots; per phase there are plain blocks
 * ({@code 0.1}), head blocks, whose head cell is written {@code state.symbol} ({@code 0.A.1}),
 * and the delimiter ({@code .D}); phase 1 names end in {@code +}. With width 1 a plain cell is
 * the symbol itself ({@code 1}) and a head cell {@code A.0}. A block is coded as a number in base
 * k, its first cell the most significant digit.
 */
final class TuringLagAlphabet {

    final int width;
    /** k^width: the number of blocks. */
    final int blocks;
    /** plain[phase][block]: the id, or -1 when the system does not use it. */
    final int[][] plain;
    /** delimiter[phase]: the id. */
    final int[] delimiter;
    /** plainOf[id]: the block of a plain symbol, or -1. */
    final int[] plainOf;
    /** headOf[id]: (state * width + position) * blocks + block of a head symbol, or -1. */
    final int[] headOf;
    private final int[][] head;

    private TuringLagAlphabet(int width, int blocks, int states, int ids) {
        this.width = width;
        this.blocks = blocks;
        plain = new int[2][blocks];
        head = new int[2][states * width * blocks];
        delimiter = new int[2];
        plainOf = new int[ids];
        headOf = new int[ids];
        for (int[] row : plain) Arrays.fill(row, -1);
        for (int[] row : head) Arrays.fill(row, -1);
        Arrays.fill(plainOf, -1);
        Arrays.fill(headOf, -1);
    }

    /** k^width, or -1 when it passes {@code max}. */
    static int blocks(int k, int width, int max) {
        long n = 1;
        for (int j = 0; j < width; j++) {
            n *= k;
            if (n > max) return -1;
        }
        return (int) n;
    }

    /** The symbol index of cell {@code j} of a block. */
    static int cell(TuringMachine m, int width, int block, int j) {
        int k = m.symbols().size();
        for (int i = width - 1; i > j; i--) block /= k;
        return block % k;
    }

    /** The block with cell {@code j} replaced by symbol {@code y}. */
    static int with(TuringMachine m, int width, int block, int j, int y) {
        int k = m.symbols().size();
        int place = 1;
        for (int i = width - 1; i > j; i--) place *= k;
        return block - cell(m, width, block, j) * place + y * place;
    }

    static String plainName(TuringMachine m, int width, int phase, int block) {
        return name(m, width, phase, block, -1, -1);
    }

    static String headName(TuringMachine m, int width, int phase, int state, int position, int block) {
        return name(m, width, phase, block, state, position);
    }

    private static String name(TuringMachine m, int width, int phase, int block, int state, int position) {
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < width; j++) {
            if (j > 0) sb.append('.');
            if (j == position) sb.append(m.states().get(state)).append('.');
            sb.append(m.symbols().get(cell(m, width, block, j)));
        }
        return phase == 1 ? sb.append('+').toString() : sb.toString();
    }

    /** The ids the compiled {@code lag} gave every name. */
    static TuringLagAlphabet lookup(TuringMachine m, int width, int blocks, LagSystem lag) {
        int states = m.states().size();
        TuringLagAlphabet a = new TuringLagAlphabet(width, blocks, states, lag.symbolCount());
        for (int p = 0; p < 2; p++) {
            a.delimiter[p] = lag.id(TuringLag.DELIMITER[p]);
            for (int b = 0; b < blocks; b++) {
                int id = lag.id(plainName(m, width, p, b));
                a.plain[p][b] = id;
                if (id >= 0) a.plainOf[id] = b;
                for (int s = 0; s < states; s++) {
                    for (int h = 0; h < width; h++) {
                        int code = (s * width + h) * blocks + b;
                        int hid = lag.id(headName(m, width, p, s, h, b));
                        a.head[p][code] = hid;
                        if (hid >= 0) a.headOf[hid] = code;
                    }
                }
            }
        }
        return a;
    }

    int head(int phase, int state, int position, int block) {
        return head[phase][(state * width + position) * blocks + block];
    }
}
