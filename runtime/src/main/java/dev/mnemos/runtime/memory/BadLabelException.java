package dev.mnemos.runtime.memory;

/** A label outside {@code [A-Za-z0-9_-]+}. */
public class BadLabelException extends IllegalArgumentException implements dev.mnemos.io.Fault {

    private final String label;

    public BadLabelException(String label) {
        super("label " + quote(label) + " is not in the label alphabet [A-Za-z0-9_-]+");
        this.label = label;
    }

    public String label() {
        return label;
    }

    static String quote(String s) {
        if (s == null) return "null";
        String shown = s.length() > 60 ? s.substring(0, 60) + "..." : s;
        return "'" + shown.replace("\n", "\\n") + "'";
    }

    @Override
    public Kind fault() {
        return Kind.BAD_INPUT;
    }
}
