package dev.mnemos.utm.bitag;

/**
 * Compiles a bi-tag system and word to a U15,2 initial tape, with the encoding of Neary and Woods
 * (2009), section 3, as the spec writes it ({@code c} = 0, {@code b} = 1).
 */
public final class BiTagCompiler {

    private BiTagCompiler() {}

    /** Program, then {@code bc}, then the encoded word; the head on that c. */
    public static U152Tape compile(BiTagSystem system, Word word) {
        system.checkWord(word);
        String program = program(system);
        String cells = program + "10" + word(system, word);
        return new U152Tape(cells, program.length() + 1, program.length());
    }

    public static U152Tape compile(BiTagProgram p) {
        return compile(p.system(), p.word());
    }

    /**
     * The program (left of the head): {@code bbcccb}, the active productions joined by {@code cb}
     * (j = h-1 down to 1, i = q down to 1), {@code cbcb}, the passive productions P(aq)..P(a1)
     * joined by {@code cbcb}, then {@code cbcbcb}.
     */
    public static String program(BiTagSystem s) {
        StringBuilder out = new StringBuilder("110001");
        boolean first = true;
        for (int j = s.h() - 1; j >= 1; j--) {
            for (int i = s.q(); i >= 1; i--) {
                if (!first) out.append("01");
                first = false;
                active(s, s.production(j, i), out);
            }
        }
        out.append("0101");
        for (int i = s.q(); i >= 1; i--) {
            if (i != s.q()) out.append("0101");
            repeat(out, "01", 4);
            repeat(out, "0001", 2);
            repeat(out, "00", 8 * i - 5);
        }
        out.append("010101");
        return out.toString();
    }

    private static void active(BiTagSystem s, Word p, StringBuilder out) {
        int m = p.get(p.size() - 1).index();
        boolean haltM = m == s.h();
        if (p.size() == 2) {
            int k = p.get(0).index();
            if (haltM) {
                repeat(out, "01", 3);
                repeat(out, "0001", 2);
            } else {
                repeat(out, "01", 5);
            }
            e(s, m, out);
            repeat(out, "0001", 2);
            repeat(out, "00", 8 * k - 5);
        } else {
            int k1 = p.get(0).index();
            int k2 = p.get(1).index();
            if (haltM) {
                out.append("01");
                repeat(out, "0001", 2);
            } else {
                repeat(out, "01", 3);
            }
            e(s, m, out);
            repeat(out, "0001", 2);
            repeat(out, "00", 8 * k2 - 5);
            repeat(out, "0001", 2);
            repeat(out, "00", 8 * k1 - 5);
        }
    }

    /** E_m = (cc)^(8hq+3) if m = h, else (cc)^(8mq). */
    private static void e(BiTagSystem s, int m, StringBuilder out) {
        repeat(out, "00", m == s.h() ? 8 * s.h() * s.q() + 3 : 8 * m * s.q());
    }

    /**
     * The word (right of the head): a_i is {@code (cb)^(8i-5) bb}; e_j (j < h) is {@code (cb)^(8jq)}
     * merged with the a_i after it into one run; e_h is {@code (cb)^(8hq+3) bb}.
     */
    public static String word(BiTagSystem s, Word w) {
        StringBuilder out = new StringBuilder();
        int q = s.q();
        for (int t = 0; t < w.size(); t++) {
            Sym x = w.get(t);
            if (!x.isE()) {
                repeat(out, "01", 8 * x.index() - 5);
                out.append("11");
            } else if (x.index() == s.h()) {
                repeat(out, "01", 8 * s.h() * q + 3);
                out.append("11");
            } else if (t + 1 < w.size()) {
                Sym a = w.get(++t);
                repeat(out, "01", 8 * x.index() * q + 8 * a.index() - 5);
                out.append("11");
            } else {
                repeat(out, "01", 8 * x.index() * q);
            }
        }
        return out.toString();
    }

    private static void repeat(StringBuilder out, String s, int n) {
        for (int i = 0; i < n; i++) out.append(s);
    }
}
