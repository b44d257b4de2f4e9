package dev.mnemos.utm.machine;

/**
 * U15,2: the 15-state, 2-symbol universal Turing machine of Neary and Woods (2009), Table 16, in
 * Schuurmans' naming: states u1..u15 are A..O, blank c is 0, b is 1. It simulates bi-tag systems.
 *
 * <p>Two pitfalls of public copies are avoided here: G reading 0 moves left, and the machine halts
 * on J reading 1 (not 0).
 */
public final class U152 {

    /** The table as the spec prints it: state, action on 0, action on 1. */
    static final String[][] TABLE = {
        {"A", "0 R B", "1 R A"},
        {"B", "1 R C", "1 R A"},
        {"C", "0 L G", "0 L E"},
        {"D", "0 L F", "1 L E"},
        {"E", "1 R A", "1 L D"},
        {"F", "1 L D", "1 L D"},
        {"G", "0 L H", "1 L G"},
        {"H", "1 L I", "1 L G"},
        {"I", "0 R A", "1 L J"},
        {"J", "1 L K", "halt"},
        {"K", "0 R L", "1 R N"},
        {"L", "0 R M", "1 R L"},
        {"M", "0 L B", "1 R L"},
        {"N", "0 L C", "0 R O"},
        {"O", "0 R N", "1 R N"},
    };

    private static final TuringMachine MACHINE = build();

    private U152() {}

    /** The machine (immutable, shared). */
    public static TuringMachine machine() {
        return MACHINE;
    }

    private static TuringMachine build() {
        TuringMachine.Builder b = TuringMachine.builder().name("U15,2").symbols("0", "1").blank("0").start("A");
        for (String[] row : TABLE) {
            b.on(row[0], "0", row[1]).on(row[0], "1", row[2]);
        }
        return b.build();
    }
}
