package dev.mnemos.utm.machine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A deterministic Turing machine: states, tape symbols (one of them the blank), a start state, and
 * for every (state, symbol) pair either an {@link Action} or a halt. Built with {@link #builder()},
 * which checks the table and names the state or symbol at fault.
 *
 * <p>State names become memory labels (the instruction texts), so they start with a letter, use
 * the label alphabet {@code [A-Za-z0-9_-]}, and are not one of the labels the runtime reserves:
 * {@value #RESERVED}. Symbols are tape cell values: non-empty, from the label alphabet.
 */
public final class TuringMachine {

    /** Labels a state may not take: they name the runtime's registers and the halt value. */
    public static final String RESERVED = "op, i, boot, halt";

    private static final Set<String> RESERVED_NAMES = Set.of("op", "i", "boot", "halt");
    /** (Compiled once: String.split compiles its pattern on every call, 30 times for U15,2 at each command's start.) */
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** At most this many symbols: the simulator keeps a cell in a byte. */
    public static final int MAX_SYMBOLS = 127;
    /** At most this many states: the simulator packs the next state in 15 bits. */
    public static final int MAX_STATES = 32_000;

    private final String name;
    private final List<String> states;
    private final List<String> symbols;
    private final String blank;
    private final String start;
    private final Map<String, Integer> stateIndex;
    private final Map<String, Integer> symbolIndex;
    /** actions[state * symbols + symbol]; null is a halt. */
    private final Action[] actions;

    private TuringMachine(Builder b, Action[] actions) {
        this.name = b.name;
        this.states = List.copyOf(b.states);
        this.symbols = List.copyOf(b.symbols);
        this.blank = b.blank;
        this.start = b.start;
        this.stateIndex = indexOf(states);
        this.symbolIndex = indexOf(symbols);
        this.actions = actions;
    }

    private static Map<String, Integer> indexOf(List<String> names) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.size(); i++) index.put(names.get(i), i);
        return Collections.unmodifiableMap(index);
    }

    public static Builder builder() {
        return new Builder();
    }

    public String name() { return name; }

    /** States in the order they were declared. */
    public List<String> states() { return states; }

    /** Symbols in the order they were declared. */
    public List<String> symbols() { return symbols; }

    public String blank() { return blank; }

    public String start() { return start; }

    /** Index of a state in {@link #states()}, or -1. */
    public int stateIndex(String state) {
        return stateIndex.getOrDefault(state, -1);
    }

    /** Index of a symbol in {@link #symbols()}, or -1. */
    public int symbolIndex(String symbol) {
        return symbolIndex.getOrDefault(symbol, -1);
    }

    public int blankIndex() {
        return symbolIndex(blank);
    }

    public int startIndex() {
        return stateIndex(start);
    }

    /** The action in (state, symbol), or empty when the machine halts there. */
    public Optional<Action> action(String state, String symbol) {
        return Optional.ofNullable(actions[index(state, symbol)]);
    }

    /** The action by indices, or null when the machine halts there. */
    public Action action(int state, int symbol) {
        return actions[state * symbols.size() + symbol];
    }

    public boolean halts(String state, String symbol) {
        return actions[index(state, symbol)] == null;
    }

    private int index(String state, String symbol) {
        int s = stateIndex(state);
        int y = symbolIndex(symbol);
        if (s < 0) throw new IllegalArgumentException("machine " + name + " has no state '" + state + "'");
        if (y < 0) throw new IllegalArgumentException("machine " + name + " has no symbol '" + symbol + "'");
        return s * symbols.size() + y;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TuringMachine m && m.states.equals(states) && m.symbols.equals(symbols)
                && m.blank.equals(blank) && m.start.equals(start) && java.util.Arrays.equals(m.actions, actions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(states, symbols, blank, start, java.util.Arrays.hashCode(actions));
    }

    @Override
    public String toString() {
        return "TuringMachine[" + name + ": " + states.size() + " states, " + symbols.size() + " symbols]";
    }

    /** Collects a table; {@link #build()} checks it. */
    public static final class Builder {
        private String name = "machine";
        private final List<String> states = new ArrayList<>();
        private final List<String> symbols = new ArrayList<>();
        private String blank;
        private String start;
        /** state -> symbol -> action text ("0 R B" or "halt"), in declaration order. */
        private final Map<String, Map<String, String>> table = new LinkedHashMap<>();

        private Builder() {}

        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /** The tape symbols; default blank is the first. */
        public Builder symbols(String... symbols) {
            this.symbols.clear();
            this.symbols.addAll(List.of(symbols));
            return this;
        }

        public Builder symbols(List<String> symbols) {
            this.symbols.clear();
            this.symbols.addAll(symbols);
            return this;
        }

        public Builder blank(String blank) {
            this.blank = blank;
            return this;
        }

        /** Default: the first state declared. */
        public Builder start(String start) {
            this.start = start;
            return this;
        }

        /** Declares a state (transitions declare their state too). */
        public Builder state(String state) {
            if (!states.contains(state)) states.add(state);
            table.computeIfAbsent(state, s -> new LinkedHashMap<>());
            return this;
        }

        /** Adds (state, symbol) -> action, written {@code "<write> <L|R> <next>"} or {@code "halt"}. */
        public Builder on(String state, String symbol, String action) {
            state(state);
            Map<String, String> row = table.get(state);
            if (row.containsKey(symbol)) {
                throw new MachineException("state '" + state + "', symbol '" + symbol + "': given twice");
            }
            row.put(symbol, action);
            return this;
        }

        public Builder halt(String state, String symbol) {
            return on(state, symbol, "halt");
        }

        /** Checks the table and builds the machine; a {@link MachineException} names the entry at fault. */
        public TuringMachine build() {
            checkSymbols();
            if (blank == null) blank = symbols.get(0);
            if (!symbols.contains(blank)) {
                throw new MachineException("blank '" + blank + "' is not one of the symbols " + symbols);
            }
            if (states.isEmpty()) throw new MachineException("machine has no states");
            if (states.size() > MAX_STATES) {
                throw new MachineException("machine has " + states.size() + " states; at most " + MAX_STATES);
            }
            for (String state : states) checkStateName(state);
            if (start == null) start = states.get(0);
            if (!states.contains(start)) throw new MachineException("start state '" + start + "' is not a state");
            int k = symbols.size();
            Action[] actions = new Action[states.size() * k];
            for (int s = 0; s < states.size(); s++) {
                String state = states.get(s);
                Map<String, String> row = table.get(state);
                for (String symbol : row.keySet()) {
                    if (!symbols.contains(symbol)) {
                        throw new MachineException("state '" + state + "', symbol '" + symbol + "': not one of the symbols " + symbols);
                    }
                }
                for (int y = 0; y < k; y++) {
                    String symbol = symbols.get(y);
                    String text = row.get(symbol);
                    if (text == null) {
                        throw new MachineException("state '" + state + "', symbol '" + symbol
                                + "': no transition; give \"<write> <L|R> <next>\" or \"halt\"");
                    }
                    actions[s * k + y] = parseAction(state, symbol, text);
                }
            }
            return new TuringMachine(this, actions);
        }

        private void checkSymbols() {
            if (symbols.isEmpty()) throw new MachineException("machine has no symbols");
            if (symbols.size() > MAX_SYMBOLS) {
                throw new MachineException("machine has " + symbols.size() + " symbols; at most " + MAX_SYMBOLS);
            }
            for (int i = 0; i < symbols.size(); i++) {
                String symbol = symbols.get(i);
                if (symbol == null || !dev.mnemos.runtime.memory.Labels.isLabel(symbol)) {
                    throw new MachineException("symbol '" + symbol + "' is not in the alphabet [A-Za-z0-9_-]+");
                }
                if (symbols.indexOf(symbol) != i) throw new MachineException("symbol '" + symbol + "' is given twice");
            }
        }

        private static void checkStateName(String state) {
            if (state == null || !dev.mnemos.runtime.memory.Labels.isLabel(state) || !Character.isLetter(state.charAt(0))) {
                throw new MachineException("state '" + state + "': a state name starts with a letter and uses [A-Za-z0-9_-]");
            }
            if (RESERVED_NAMES.contains(state)) {
                throw new MachineException("state '" + state + "': reserved label (" + RESERVED + ")");
            }
        }

        private Action parseAction(String state, String symbol, String text) {
            String where = "state '" + state + "', symbol '" + symbol + "': ";
            String t = text.trim();
            if (t.equals("halt")) return null;
            String[] parts = SPACES.split(t);
            if (parts.length != 3) {
                throw new MachineException(where + "'" + text + "' is not \"<write> <L|R> <next>\" or \"halt\"");
            }
            if (!symbols.contains(parts[0])) {
                throw new MachineException(where + "writes '" + parts[0] + "', not one of the symbols " + symbols);
            }
            Move move = Move.parse(parts[1]);
            if (move == null) throw new MachineException(where + "move '" + parts[1] + "' is not L or R");
            if (!states.contains(parts[2])) {
                throw new MachineException(where + "next state '" + parts[2] + "' is not a state");
            }
            return new Action(parts[0], move, parts[2]);
        }
    }
}
