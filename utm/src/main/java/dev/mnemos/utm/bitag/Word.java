package dev.mnemos.utm.bitag;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** A bi-tag word: symbols separated by spaces, e.g. {@code e1 a1 a2}. Immutable. */
public record Word(List<Sym> symbols) {

    public Word {
        symbols = List.copyOf(symbols);
    }

    public static Word of(Sym... symbols) {
        return new Word(List.of(symbols));
    }

    /** Parses space-separated symbols; null when a token is not a symbol. */
    public static Word parse(String text) {
        List<Sym> syms = new ArrayList<>();
        for (String t : text.strip().split("\\s+")) {
            if (t.isEmpty()) continue;
            Sym s = Sym.parse(t);
            if (s == null) return null;
            syms.add(s);
        }
        return new Word(syms);
    }

    public int size() {
        return symbols.size();
    }

    public Sym get(int i) {
        return symbols.get(i);
    }

    @Override
    public String toString() {
        return symbols.stream().map(Sym::toString).collect(Collectors.joining(" "));
    }
}
