package dev.mnemos.utm.bitag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A bi-tag system: symbols {@code a1..aq} and {@code e1..eh}, {@code eh} the halt symbol, and a
 * production {@code P(ej, ai)} for every {@code j < h} and every {@code i}, each {@code ak em} or
 * {@code ak1 ak2 em}. The constructor checks all of it and names the entry at fault.
 */
public final class BiTagSystem {

    private final int q;
    private final int h;
    /** productions[(j-1)*q + (i-1)] = P(ej, ai). */
    private final Word[] productions;

    /** @param productions keyed by {@code "ej ai"}; every j < h and i <= q exactly once */
    public BiTagSystem(int q, int h, Map<String, Word> productions) {
        if (q < 1) throw new BiTagException("q = " + q + ": there must be at least one a-symbol");
        // with h = 1 the encoding has no active productions, and U15,2 runs off the tape instead of halting
        if (h < 2) throw new BiTagException("h = " + h + ": there must be at least two e-symbols (eh halts)");
        if ((long) q * h > 10_000) throw new BiTagException("q * h = " + (long) q * h + " is too large (at most 10000)");
        this.q = q;
        this.h = h;
        this.productions = new Word[(h - 1) * q];
        for (Map.Entry<String, Word> p : productions.entrySet()) {
            Word lhs = Word.parse(p.getKey());
            if (lhs == null || lhs.size() != 2 || !lhs.get(0).isE() || lhs.get(1).isE()) {
                throw new BiTagException("production '" + p.getKey() + "': the left side must be 'ej ai'");
            }
            int j = lhs.get(0).index();
            int i = lhs.get(1).index();
            if (j >= h) {
                throw new BiTagException("production '" + p.getKey() + "': e" + j + " has no productions (j must be below h = " + h + ")");
            }
            if (i > q) throw new BiTagException("production '" + p.getKey() + "': a" + i + " is out of range (q = " + q + ")");
            checkRight(p.getKey(), p.getValue());
            int at = (j - 1) * q + (i - 1);
            if (this.productions[at] != null) throw new BiTagException("production '" + p.getKey() + "' is given twice");
            this.productions[at] = p.getValue();
        }
        for (int j = 1; j < h; j++) {
            for (int i = 1; i <= q; i++) {
                if (this.productions[(j - 1) * q + (i - 1)] == null) {
                    throw new BiTagException("production 'e" + j + " a" + i + "' is missing");
                }
            }
        }
    }

    private void checkRight(String key, Word rhs) {
        if (rhs.size() < 2 || rhs.size() > 3) throw badRight(key, rhs, "must be 'ak em' or 'ak1 ak2 em'");
        for (int t = 0; t < rhs.size(); t++) {
            Sym s = rhs.get(t);
            boolean last = t == rhs.size() - 1;
            if (s.isE() != last) throw badRight(key, rhs, "must be 'ak em' or 'ak1 ak2 em'");
            int max = s.isE() ? h : q;
            if (s.index() < 1 || s.index() > max) {
                throw badRight(key, rhs, s + " is out of range (" + (s.isE() ? "h" : "q") + " = " + max + ")");
            }
        }
    }

    /** (The message is made only for a production at fault: a command's start checks every one.) */
    private static BiTagException badRight(String key, Word rhs, String what) {
        return new BiTagException("production '" + key + "' -> '" + rhs + "': " + what);
    }

    public int q() { return q; }

    public int h() { return h; }

    /** P(ej, ai), for j < h. */
    public Word production(int j, int i) {
        return productions[(j - 1) * q + (i - 1)];
    }

    /** The productions keyed by {@code "ej ai"}, in order j then i. */
    public Map<String, Word> productions() {
        Map<String, Word> map = new LinkedHashMap<>();
        for (int j = 1; j < h; j++) {
            for (int i = 1; i <= q; i++) map.put("e" + j + " a" + i, production(j, i));
        }
        return map;
    }

    /**
     * Checks that a word is one this system can run: symbols in range, exactly one e-symbol, at
     * least one a-symbol.
     */
    public void checkWord(Word word) {
        int es = 0;
        int as = 0;
        for (Sym s : word.symbols()) {
            int max = s.isE() ? h : q;
            if (s.index() < 1 || s.index() > max) {
                throw new BiTagException("word '" + word + "': " + s + " is out of range (" + (s.isE() ? "h" : "q") + " = " + max + ")");
            }
            if (s.isE()) es++; else as++;
        }
        if (es != 1) throw new BiTagException("word '" + word + "' has " + es + " e-symbols; a word holds exactly one");
        if (as < 1) throw new BiTagException("word '" + word + "' has no a-symbol; a word holds at least one");
    }

    /** One step; null when the word starts with eh (the system halts). */
    public Word step(Word w) {
        Sym first = w.get(0);
        List<Sym> next = new ArrayList<>(w.size() + 2);
        if (!first.isE()) {
            next.addAll(w.symbols().subList(1, w.size()));
            next.add(first);
        } else if (first.index() == h) {
            return null;
        } else {
            next.addAll(w.symbols().subList(2, w.size()));
            next.addAll(production(first.index(), w.get(1).index()).symbols());
        }
        return new Word(next);
    }

    /** Whether the word starts with the halt symbol. */
    public boolean halts(Word w) {
        return w.get(0).isE() && w.get(0).index() == h;
    }

    /**
     * The words from {@code word} on, one per step, until a word starting with eh (included) or
     * {@code maxSteps} steps.
     */
    public List<Word> trajectory(Word word, int maxSteps) {
        checkWord(word);
        List<Word> words = new ArrayList<>();
        words.add(word);
        Word w = word;
        for (int n = 0; n < maxSteps && !halts(w); n++) {
            w = step(w);
            words.add(w);
        }
        return words;
    }
}
