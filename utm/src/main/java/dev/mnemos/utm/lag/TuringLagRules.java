package dev.mnemos.utm.lag;

import dev.mnemos.utm.machine.Action;
import dev.mnemos.utm.machine.Move;
import dev.mnemos.utm.machine.TuringMachine;

import java.util.ArrayList;
import java.util.List;

/**
 * The rules of {@link TuringLag}, pass by pass. Names: {@code a} a plain cell, {@code h} a head
 * cell {@code state.symbol}, {@code D} the delimiter; the input phase's names are read, the other
 * phase's appended. A head "acts" in the pass of its move (left pass: L, right pass: R) and
 * "waits" in the other.
 */
final class TuringLagRules {

    private final TuringMachine m;
    private final boolean[][] heads;
    private final LagSystem.Builder b;
    private final String where;
    private final int k;

    TuringLagRules(TuringMachine m, boolean[][] heads, LagSystem.Builder b, String where) {
        this.m = m;
        this.heads = heads;
        this.b = b;
        this.where = where;
        this.k = m.symbols().size();
    }

    void addAll() {
        leftPass();
        rightPass();
    }

    /** Phase 0 in, phase 1 out: key (x, y) appends the new x. */
    private void leftPass() {
        String d0 = TuringLag.DELIMITER[0];
        String d1 = TuringLag.DELIMITER[1];
        for (int a = 0; a < k; a++) {
            rule(d0, plain(0, a), d1);
            rule(plain(0, a), d1, plain(1, a));
            for (int c = 0; c < k; c++) rule(plain(0, a), plain(0, c), plain(1, a));
        }
        for (int h : liveHeads(0)) {
            Action act = m.action(h / k, h % k);
            boolean acts = act.move() == Move.L;
            int next = m.stateIndex(act.next());
            String self = acts ? plain(1, m.symbolIndex(act.write())) : head(1, h / k, h % k);
            rule(d0, head(0, h), acts ? d1 + " " + head(1, next, m.blankIndex()) : d1);
            rule(head(0, h), d1, self);
            for (int a = 0; a < k; a++) {
                rule(head(0, h), plain(0, a), self);
                rule(plain(0, a), head(0, h), acts ? head(1, next, a) : plain(1, a));
            }
        }
    }

    /** Phase 1 in, phase 0 out: key (x, y) appends the new y. */
    private void rightPass() {
        String d0 = TuringLag.DELIMITER[0];
        String d1 = TuringLag.DELIMITER[1];
        for (int a = 0; a < k; a++) {
            rule(d1, plain(1, a), d0 + " " + plain(0, a));
            rule(plain(1, a), d0, "");
            for (int c = 0; c < k; c++) rule(plain(1, a), plain(1, c), plain(0, c));
        }
        for (int h : liveHeads(1)) {
            Action act = m.action(h / k, h % k);
            boolean acts = act.move() == Move.R;
            int next = m.stateIndex(act.next());
            String self = acts ? plain(0, m.symbolIndex(act.write())) : head(0, h / k, h % k);
            rule(d1, head(1, h), d0 + " " + self);
            rule(head(1, h), d0, acts ? head(0, next, m.blankIndex()) : "");
            for (int a = 0; a < k; a++) {
                rule(plain(1, a), head(1, h), self);
                rule(head(1, h), plain(1, a), acts ? head(0, next, a) : plain(0, a));
            }
        }
    }

    /** The reachable head cells of a phase that do not halt, as state * k + symbol. */
    private List<Integer> liveHeads(int phase) {
        List<Integer> out = new ArrayList<>();
        for (int h = 0; h < heads[phase].length; h++) if (heads[phase][h] && m.action(h / k, h % k) != null) out.add(h);
        return out;
    }

    private void rule(String first, String second, String value) {
        b.rule(first, second, value.isEmpty() ? List.of() : List.of(value.split(" ")), where);
    }

    private String plain(int phase, int symbol) {
        return Alphabet.plainName(m, phase, symbol);
    }

    private String head(int phase, int h) {
        return head(phase, h / k, h % k);
    }

    private String head(int phase, int state, int symbol) {
        return Alphabet.headName(m, phase, state, symbol);
    }
}
