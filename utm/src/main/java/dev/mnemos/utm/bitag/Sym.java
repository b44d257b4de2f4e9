package dev.mnemos.utm.bitag;

/** A bi-tag symbol: {@code a1..aq} or {@code e1..eh}. */
public record Sym(boolean isE, int index) {

    public static Sym a(int i) {
        return new Sym(false, i);
    }

    public static Sym e(int j) {
        return new Sym(true, j);
    }

    /** Parses {@code a3} or {@code e1}; null when the text is not a symbol. */
    public static Sym parse(String s) {
        if (s.length() < 2 || (s.charAt(0) != 'a' && s.charAt(0) != 'e')) return null;
        if (s.charAt(1) < '1' || s.charAt(1) > '9' || s.length() > 10) return null;
        for (int i = 2; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') return null;
        }
        return new Sym(s.charAt(0) == 'e', Integer.parseInt(s.substring(1)));
    }

    @Override
    public String toString() {
        return (isE ? "e" : "a") + index;
    }
}
