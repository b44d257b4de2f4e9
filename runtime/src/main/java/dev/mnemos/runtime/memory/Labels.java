package dev.mnemos.runtime.memory;

/** The label alphabet: {@code [A-Za-z0-9_-]+}. */
public final class Labels {

    private Labels() {}

    public static boolean isLabelChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }

    public static boolean isLabel(CharSequence s) {
        int n = s.length();
        if (n == 0) return false;
        for (int i = 0; i < n; i++) {
            if (!isLabelChar(s.charAt(i))) return false;
        }
        return true;
    }

    /** Returns the label, or throws {@link BadLabelException} naming it. */
    public static String check(String label) {
        if (label == null || !isLabel(label)) throw new BadLabelException(label);
        return label;
    }
}
