package dev.mnemos.utm.bitag;

import dev.mnemos.utm.sim.Cells;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads bi-tag words back from U15,2 configurations. At the start of every simulated bi-tag step
 * the tape is: the program, exactly restored; a blank gap; {@code bc} with the head on its c in
 * state A; the current word. {@link #decode} recognises such a configuration and decodes the word.
 */
public final class BiTagDecoder {

    /** Index of state A in U15,2. */
    public static final int STATE_A = 0;

    private final BiTagSystem system;
    private final byte[] program;
    private final int maxRuns;

    public BiTagDecoder(BiTagSystem system) {
        this.system = system;
        String p = BiTagCompiler.program(system);
        this.program = new byte[p.length()];
        for (int i = 0; i < p.length(); i++) program[i] = (byte) (p.charAt(i) - '0');
        this.maxRuns = 1 << 20;
    }

    public BiTagSystem system() {
        return system;
    }

    public int programLength() {
        return program.length;
    }

    /**
     * The word, when the configuration (state, head, tape) is the start of a bi-tag step; else null.
     * Cheap to call on configurations that are not: it looks at the cells near the head first.
     */
    public Word decode(int state, long head, Cells cells) {
        if (state != STATE_A || head < program.length + 1) return null;
        if (cells.at(head) != 0 || cells.at(head - 1) != 1) return null;
        for (long c = head - 2; c >= program.length; c--) {
            if (cells.at(c) != 0) return null;
        }
        for (int c = program.length - 1; c >= 0; c--) {
            if (cells.at(c) != program[c]) return null;
        }
        return word(head + 1, cells);
    }

    /**
     * Decodes the word that starts at {@code cell}: runs {@code (cb)^N} each followed by {@code bb}
     * or by the end of the word (blank cells). Null when the cells are not a word's encoding.
     */
    public Word word(long cell, Cells cells) {
        int q = system.q();
        int h = system.h();
        List<Sym> syms = new ArrayList<>();
        long c = cell;
        for (int runs = 0; runs < maxRuns; runs++) {
            long n = 0;
            while (cells.at(c) == 0 && cells.at(c + 1) == 1) {
                n++;
                c += 2;
            }
            boolean separated = cells.at(c) == 1 && cells.at(c + 1) == 1;
            if (!separated) {
                // the end of the word: a trailing e_j (j < h), or nothing
                if (n > 0) {
                    if (n % (8L * q) != 0 || n / (8L * q) >= h) return null;
                    syms.add(Sym.e((int) (n / (8L * q))));
                }
                Word w = new Word(syms);
                return w.size() == 0 ? null : w;
            }
            c += 2;
            if (n == 8L * h * q + 3) {
                syms.add(Sym.e(h));
            } else if (n <= 8L * q - 5) {
                if ((n + 5) % 8 != 0) return null;
                syms.add(Sym.a((int) ((n + 5) / 8)));
            } else {
                long j = n / (8L * q);
                long rest = n - 8L * q * j;
                if (j < 1 || j >= h || (rest + 5) % 8 != 0) return null;
                syms.add(Sym.e((int) j));
                syms.add(Sym.a((int) ((rest + 5) / 8)));
            }
        }
        return null;
    }
}
