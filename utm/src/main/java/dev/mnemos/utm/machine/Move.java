package dev.mnemos.utm.machine;

/** Where the head goes after a write. Every instruction moves (Schuurmans' format has no "stay"). */
public enum Move {
    L(-1), R(1);

    private final int delta;

    Move(int delta) {
        this.delta = delta;
    }

    /** -1 for left, +1 for right. */
    public int delta() {
        return delta;
    }

    /** Parses {@code L} or {@code R}; anything else is null. */
    public static Move parse(String s) {
        return switch (s) {
            case "L" -> L;
            case "R" -> R;
            default -> null;
        };
    }
}
