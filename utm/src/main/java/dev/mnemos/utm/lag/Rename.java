package dev.mnemos.utm.lag;

import java.util.ArrayList;
import java.util.List;

/** New names for a system's symbols: fixed-width letter names, so that it can be written as KEY:VALUE. */
public final class Rename {

    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private Rename() {}

    /**
     * The same system with symbol {@code i} named by the {@code i}-th string of {@code width}
     * letters ({@code aa, ab, ..., aZ, ba, ...}); {@code width} is raised to the least that names
     * every symbol. Ids, rules, order and halt symbols are kept.
     */
    public static LagSystem toLetters(LagSystem system, int width) {
        int n = system.symbolCount();
        int w = Math.max(1, width);
        while (Math.pow(LETTERS.length(), w) < n) w++;
        List<String> names = new ArrayList<>(n);
        for (int i = 0; i < n; i++) names.add(letters(i, w));
        return to(system, names);
    }

    static String letters(int i, int width) {
        char[] c = new char[width];
        for (int k = width - 1; k >= 0; k--) {
            c[k] = LETTERS.charAt(i % LETTERS.length());
            i /= LETTERS.length();
        }
        return new String(c);
    }

    /** The same system with symbol {@code i} named {@code names.get(i)} (distinct names). */
    public static LagSystem to(LagSystem system, List<String> names) {
        LagSystem.Builder b = LagSystem.builder(system.name());
        for (String name : names) b.symbol(name);
        for (Rule r : system.listing()) {
            List<String> value = new ArrayList<>();
            for (int s : r.value()) value.add(names.get(s));
            b.rule(names.get(r.first()), names.get(r.second()), value, r.where());
        }
        for (int h : system.haltSymbols()) b.halt(names.get(h));
        return b.build();
    }
}
