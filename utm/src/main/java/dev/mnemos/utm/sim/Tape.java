package dev.mnemos.utm.sim;

import dev.mnemos.utm.machine.TuringMachine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A finite stretch of tape: the symbols of cells {@code first}, {@code first+1}, ...; every other
 * cell holds the blank. Immutable.
 */
public record Tape(long first, List<String> cells) {

    public Tape {
        cells = List.copyOf(cells);
    }

    /**
     * Parses a tape written as one character per cell ({@code "1011"}), or, when it contains
     * whitespace, as symbols separated by whitespace ({@code "a1 b b"}); the first cell is 0.
     * Every symbol must be one of the machine's; the error names the position and symbol.
     */
    public static Tape parse(String text, TuringMachine machine) {
        Objects.requireNonNull(text, "tape");
        List<String> cells = new ArrayList<>();
        String t = text.strip();
        if (t.chars().anyMatch(Character::isWhitespace)) {
            cells.addAll(List.of(t.split("\\s+")));
        } else {
            for (int i = 0; i < t.length(); i++) cells.add(String.valueOf(t.charAt(i)));
        }
        for (int i = 0; i < cells.size(); i++) {
            if (machine.symbolIndex(cells.get(i)) < 0) {
                throw new IllegalArgumentException("tape cell " + i + ": '" + cells.get(i) + "' is not one of the symbols "
                        + machine.symbols() + " of " + machine.name());
            }
        }
        return new Tape(0, cells);
    }

    /** A tape of single-character symbols starting at cell 0, without checking them. */
    public static Tape of(String oneCharPerCell) {
        List<String> cells = new ArrayList<>(oneCharPerCell.length());
        for (int i = 0; i < oneCharPerCell.length(); i++) cells.add(String.valueOf(oneCharPerCell.charAt(i)));
        return new Tape(0, cells);
    }

    /** The symbol in a cell, the blank outside the stretch. */
    public String at(long cell, String blank) {
        long k = cell - first;
        return k < 0 || k >= cells.size() ? blank : cells.get((int) k);
    }

    /** One past the last cell. */
    public long end() {
        return first + cells.size();
    }

    /** The same cells without leading and trailing blanks (an all-blank tape is the empty tape at cell 0). */
    public Tape trim(String blank) {
        int from = 0;
        int to = cells.size();
        while (from < to && cells.get(from).equals(blank)) from++;
        while (to > from && cells.get(to - 1).equals(blank)) to--;
        if (from == to) return new Tape(0, List.of());
        return new Tape(first + from, cells.subList(from, to));
    }

    /** The cells joined: without a separator when every symbol is one character, else with spaces. */
    public String text() {
        boolean oneChar = true;
        for (String c : cells) oneChar &= c.length() == 1;
        return String.join(oneChar ? "" : " ", cells);
    }

    @Override
    public String toString() {
        return "Tape[" + first + ": " + text() + "]";
    }
}
