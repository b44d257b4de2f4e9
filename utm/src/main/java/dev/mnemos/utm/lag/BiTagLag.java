package dev.mnemos.utm.lag;

import dev.mnemos.utm.bitag.BiTagSystem;
import dev.mnemos.utm.bitag.Sym;
import dev.mnemos.utm.bitag.Word;

import java.util.ArrayList;
import java.util.List;

/**
 * A bi-tag system compiled to a Lag system that takes exactly one step per bi-tag step.
 *
 * <p>The difficulty: a bi-tag step that starts with {@code ej ai} deletes two symbols, a Lag step
 * only one. So the e-symbol is merged with the a-symbol after it into one Lag symbol
 * {@code ej.ai}, and each Lag step appends the new copy of the <em>second</em> symbol it reads,
 * the first serving as context. The queue is {@code c x1 .. xn}: {@code x1..xn} is the bi-tag word
 * (with {@code ej.ai} for {@code ej ai}) and {@code c} the symbol processed last. Rules:
 * <ul>
 * <li>{@code ax ai -> ai}: moves ai to the end (the passive step);</li>
 * <li>{@code ax ej.ai -> ak} or {@code ak1 ak2}, for j &lt; h: the active step
 *     {@code P(ej, ai) = ak (ak2) em}, without em, which needs its follower;</li>
 * <li>{@code ej.ai ab -> em.ab}: after that step, em with its follower ab, the word's front,
 *     which is moved to the end (the next passive step);</li>
 * <li>{@code sj ab -> ej.ab}: the same for a start word that ends with ej ({@code sj} is its
 *     context).</li>
 * </ul>
 * A word starting with eh halts: no rule reads {@code ax eh.ai}, declared halt symbols.
 * So {@code q^2 + 2(h-1)q^2 + hq} rules: 2,060 for q = 20, h = 3. Symbol names: {@code a1},
 * {@code e1.a2}, {@code s1}.
 */
public final class BiTagLag {

    private final BiTagSystem bitag;
    private final LagSystem lag;

    private BiTagLag(BiTagSystem bitag, LagSystem lag) {
        this.bitag = bitag;
        this.lag = lag;
    }

    public static BiTagLag compile(BiTagSystem bitag, String name) {
        int q = bitag.q();
        int h = bitag.h();
        LagSystem.Builder b = LagSystem.builder(name);
        for (int i = 1; i <= q; i++) b.symbol(a(i));
        for (int j = 1; j <= h; j++) for (int i = 1; i <= q; i++) b.symbol(pair(j, i));
        for (int j = 1; j <= h; j++) b.symbol("s" + j);
        String where = name + ": compiled rule";
        for (int x = 1; x <= q; x++) {
            for (int i = 1; i <= q; i++) b.rule(a(x), a(i), List.of(a(i)), where);
            for (int j = 1; j < h; j++) {
                for (int i = 1; i <= q; i++) b.rule(a(x), pair(j, i), aPart(bitag.production(j, i)), where);
            }
        }
        for (int j = 1; j < h; j++) {
            for (int i = 1; i <= q; i++) {
                Word p = bitag.production(j, i);
                int m = p.get(p.size() - 1).index();
                for (int y = 1; y <= q; y++) b.rule(pair(j, i), a(y), List.of(pair(m, y)), where);
            }
        }
        for (int j = 1; j <= h; j++) for (int y = 1; y <= q; y++) b.rule("s" + j, a(y), List.of(pair(j, y)), where);
        for (int i = 1; i <= q; i++) b.halt(pair(h, i));
        return new BiTagLag(bitag, b.build());
    }

    private static String a(int i) { return "a" + i; }

    private static String pair(int j, int i) { return "e" + j + ".a" + i; }

    private static List<String> aPart(Word p) {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < p.size() - 1; k++) out.add(a(p.get(k).index()));
        return out;
    }

    public LagSystem lag() { return lag; }

    public BiTagSystem bitag() { return bitag; }

    /** The number of rules {@link #compile} makes: {@code q^2 + 2(h-1)q^2 + hq}. */
    public static long ruleCount(int q, int h) {
        return (long) q * q + 2L * (h - 1) * q * q + (long) h * q;
    }

    /** The queue for a bi-tag word (checked by the bi-tag system). */
    public int[] encode(Word word) {
        bitag.checkWord(word);
        List<Integer> out = new ArrayList<>();
        Sym last = word.get(word.size() - 1);
        out.add(last.isE() ? lag.id("s" + last.index()) : lag.id(a(last.index())));
        for (int k = 0; k < word.size(); k++) {
            Sym s = word.get(k);
            if (!s.isE()) {
                out.add(lag.id(a(s.index())));
            } else if (k + 1 < word.size()) {
                out.add(lag.id(pair(s.index(), word.get(++k).index())));
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The bi-tag word a queue of this system stands for (see the class comment). */
    public Word decode(int[] queue) {
        List<Sym> out = new ArrayList<>();
        for (int k = 1; k < queue.length; k++) addSymbols(lag.symbol(queue[k]), out);
        String c = lag.symbol(queue[0]);
        if (c.startsWith("s")) {
            out.add(Sym.e(Integer.parseInt(c.substring(1))));
        } else if (c.startsWith("e")) {
            List<Sym> pair = new ArrayList<>();
            addSymbols(c, pair);
            Word p = bitag.production(pair.get(0).index(), pair.get(1).index());
            out.add(p.get(p.size() - 1));
        }
        return new Word(out);
    }

    private static void addSymbols(String name, List<Sym> out) {
        for (String part : name.split("\\.")) out.add(Sym.parse(part));
    }
}
