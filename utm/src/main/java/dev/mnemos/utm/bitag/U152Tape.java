package dev.mnemos.utm.bitag;

import dev.mnemos.utm.sim.Tape;

/**
 * A bi-tag program compiled for U15,2: the initial tape (cell 0 first, {@code 0} = c, {@code 1} = b),
 * the head (on the c of the {@code bc} after the program, in state A) and the program's length.
 */
public record U152Tape(String cells, long head, int programLength) {

    public Tape tape() {
        return Tape.of(cells);
    }

    /** The program part of the tape: what is restored at the start of every bi-tag step. */
    public String program() {
        return cells.substring(0, programLength);
    }
}
