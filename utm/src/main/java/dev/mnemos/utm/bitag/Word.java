package dev.mnemos.utm.bitag;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** A bi-tag word: symbols separated by spaces, e.g. {@code e1 a1 a2}. Immutable. */
public record Word(List<Sym> symbols) {

    /** (Compiled once: String.split compiles its pattern on every call, a cost each command's start pays per word.) */
    private static final Pattern SPACES = Pattern.compile("\\s+");

    public Word {
        symbols = List.copyOf(symbols);
    }

    public static Word of(Sym... symbols) {
        return new Word(List.of(symbols));
    }

    /** Parses space-separated symbols; null when a token is not a symbol. */
    public static Word parse(String text) {
        List<Sym> syms = new ArrayList<>();
        for (String t : SPACES.split(text.strip())) {
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
        StringBuilder text = new StringBuilder();
        for (Sym s : symbols) {
            if (!text.isEmpty()) text.append(' ');
            text.append(s);
        }
        return text.toString();
    }
}
