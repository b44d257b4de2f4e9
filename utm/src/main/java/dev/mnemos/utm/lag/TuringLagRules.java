package dev.mnemos.utm.lag;

import dev.mnemos.utm.machine.Action;
import dev.mnemos.utm.machine.Move;
import dev.mnemos.utm.machine.TuringMachine;

import java.util.ArrayList;
import java.util.List;

/**
 * The rules of {@link TuringLag}, pass by pass. A symbol is a block of {@code width} cells; a head
 * block is {@code (state, position, block)}. A head moves inside its block in any pass; it crosses
 * into the block on its left only in a left pass (the left block reads it) and into the block on
 * its right only in a right pass, and waits (stays as it is) when its move needs the other pass.
 */
final class TuringLagRules {

    private final TuringMachine m;
    private final int width;
    private final int blocks;
    private final boolean[][] heads;
    private final LagSystem.Builder b;
    private final String where;
    private final int blank;

    TuringLagRules(TuringMachine m, int width, int blocks, boolean[][] heads, LagSystem.Builder b, String where) {
        this.m = m;
        this.width = width;
        this.blocks = blocks;
        this.heads = heads;
        this.b = b;
        this.where = where;
        int bl = 0;
        for (int j = 0; j < width; j++) bl = bl * m.symbols().size() + m.blankIndex();
        this.blank = bl;
    }

    void addAll() {
        leftPass();
        rightPass();
    }

    /** Phase 0 in, phase 1 out: key (x, y) appends the new x. */
    private void leftPass() {
        String d0 = TuringLag.DELIMITER[0];
        String d1 = TuringLag.DELIMITER[1];
        for (int x = 0; x < blocks; x++) {
            rule(d0, plain(0, x), d1);
            rule(plain(0, x), d1, plain(1, x));
            for (int y = 0; y < blocks; y++) rule(plain(0, x), plain(0, y), plain(1, x));
        }
        for (int h : liveHeads(0)) {
            Action act = action(h);
            boolean crosses = act.move() == Move.L && position(h) == 0;
            int next = m.stateIndex(act.next());
            String own = own(0, h);
            rule(d0, head(0, h), crosses ? d1 + " " + head(1, next, width - 1, blank) : d1);
            rule(head(0, h), d1, own);
            for (int x = 0; x < blocks; x++) {
                rule(head(0, h), plain(0, x), own);
                rule(plain(0, x), head(0, h), crosses ? head(1, next, width - 1, x) : plain(1, x));
            }
        }
    }

    /** Phase 1 in, phase 0 out: key (x, y) appends the new y. */
    private void rightPass() {
        String d0 = TuringLag.DELIMITER[0];
        String d1 = TuringLag.DELIMITER[1];
        for (int y = 0; y < blocks; y++) {
            rule(d1, plain(1, y), d0 + " " + plain(0, y));
            rule(plain(1, y), d0, "");
            for (int x = 0; x < blocks; x++) rule(plain(1, x), plain(1, y), plain(0, y));
        }
        for (int h : liveHeads(1)) {
            Action act = action(h);
            boolean crosses = act.move() == Move.R && position(h) == width - 1;
            int next = m.stateIndex(act.next());
            String own = own(1, h);
            rule(d1, head(1, h), d0 + " " + own);
            rule(head(1, h), d0, crosses ? head(0, next, 0, blank) : "");
            for (int x = 0; x < blocks; x++) {
                rule(plain(1, x), head(1, h), own);
                rule(head(1, h), plain(1, x), crosses ? head(0, next, 0, x) : plain(0, x));
            }
        }
    }

    /**
     * What a head block appends for itself in a pass of {@code phase}: the moved head when the move
     * stays in the block, the written block when the head crosses out of it (its neighbour takes
     * the head), itself in the other phase when the move needs the other kind of pass.
     */
    private String own(int phase, int h) {
        Action act = action(h);
        int pos = position(h);
        int block = h % blocks;
        int written = TuringLagAlphabet.with(m, width, block, pos, m.symbolIndex(act.write()));
        int next = m.stateIndex(act.next());
        int to = pos + act.move().delta();
        if (to >= 0 && to < width) return head(1 - phase, next, to, written);
        boolean crossesNow = act.move() == (phase == 0 ? Move.L : Move.R);
        return crossesNow ? plain(1 - phase, written) : head(1 - phase, h);
    }

    private Action action(int h) {
        int state = h / blocks / width;
        return m.action(state, TuringLagAlphabet.cell(m, width, h % blocks, position(h)));
    }

    private int position(int h) {
        return h / blocks % width;
    }

    /** The reachable head blocks of a phase that do not halt. */
    private List<Integer> liveHeads(int phase) {
        List<Integer> out = new ArrayList<>();
        for (int h = 0; h < heads[phase].length; h++) if (heads[phase][h] && action(h) != null) out.add(h);
        return out;
    }

    private void rule(String first, String second, String value) {
        b.rule(first, second, value.isEmpty() ? List.of() : List.of(value.split(" ")), where);
    }

    private String plain(int phase, int block) {
        return TuringLagAlphabet.plainName(m, width, phase, block);
    }

    private String head(int phase, int h) {
        return TuringLagAlphabet.headName(m, width, phase, h / blocks / width, position(h), h % blocks);
    }

    private String head(int phase, int state, int position, int block) {
        return TuringLagAlphabet.headName(m, width, phase, state, position, block);
    }
}
