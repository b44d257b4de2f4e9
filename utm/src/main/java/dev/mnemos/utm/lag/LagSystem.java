package dev.mnemos.utm.lag;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Lag system (Wang 1963; the 2-lag systems of Schuurmans, Dai and Zanini 2024): a queue of
 * symbols and rules keyed by two symbols. A step reads the first two symbols, drops the first and
 * appends the value of their rule. The system halts when no rule matches the first two symbols or
 * fewer than two symbols remain.
 *
 * <p>Symbols are integers {@code 0..symbolCount()-1} with names. Every symbol used in a value must
 * be read by some key (first or second place) unless it is declared a halt symbol: a symbol that
 * no key can read is almost always a typo. Built by {@link Builder}, which names the rule at fault.
 */
public final class LagSystem {

    private final String name;
    private final List<String> symbols;
    private final Map<String, Integer> ids;
    private final List<Rule> rules;
    private final List<Rule> listing;
    private final int[] ruleAt;
    private final BitSet halt;
    private final int repeats;

    private LagSystem(Builder b) {
        this.name = b.name;
        this.symbols = List.copyOf(b.symbols);
        this.ids = Map.copyOf(b.ids);
        this.rules = List.copyOf(b.rules);
        this.listing = List.copyOf(b.listing);
        int n = symbols.size();
        this.ruleAt = new int[n * n];
        Arrays.fill(ruleAt, -1);
        for (int r = 0; r < rules.size(); r++) ruleAt[rules.get(r).first() * n + rules.get(r).second()] = r;
        this.halt = (BitSet) b.halt.clone();
        this.repeats = b.repeats;
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public String name() { return name; }

    public int symbolCount() { return symbols.size(); }

    public String symbol(int id) { return symbols.get(id); }

    public List<String> symbols() { return symbols; }

    /** The id of a symbol name, or -1. */
    public int id(String symbol) {
        Integer id = ids.get(symbol);
        return id == null ? -1 : id;
    }

    /** The rules in the order first read, one per key. */
    public List<Rule> rules() { return rules; }

    public int ruleCount() { return rules.size(); }

    /** The rules as the source listed them, repeats included (a repaired dictionary repeats the rules a model got wrong). */
    public List<Rule> listing() { return listing; }

    /** The index in {@link #rules()} of the rule for key {@code (first, second)}, or -1. */
    public int ruleIndex(int first, int second) {
        return ruleAt[first * symbols.size() + second];
    }

    /** The rule for key {@code (first, second)}, or null (the system halts on that key). */
    public Rule rule(int first, int second) {
        int r = ruleIndex(first, second);
        return r < 0 ? null : rules.get(r);
    }

    public boolean isHalt(int symbol) { return halt.get(symbol); }

    /** The declared halt symbols' ids. */
    public List<Integer> haltSymbols() {
        List<Integer> list = new ArrayList<>();
        halt.stream().forEach(list::add);
        return list;
    }

    /** Rules that the source gave again with the same value (a repaired dictionary repeats rules). */
    public int repeatedRules() { return repeats; }

    /** The common width of all symbol names, or 0 when they differ. */
    public int symbolWidth() {
        int w = symbols.isEmpty() ? 0 : symbols.get(0).length();
        for (String s : symbols) if (s.length() != w) return 0;
        return w;
    }

    /** The key's text: the two names joined, with a space when names vary in width. */
    public String keyText(Rule rule) {
        return join(new int[] {rule.first(), rule.second()});
    }

    public String valueText(Rule rule) {
        return join(rule.value());
    }

    /** Symbols as text: concatenated when all names have one width, else separated by spaces. */
    public String join(int[] syms) {
        String sep = symbolWidth() > 0 ? "" : " ";
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < syms.length; k++) {
            if (k > 0) sb.append(sep);
            sb.append(symbols.get(syms[k]));
        }
        return sb.toString();
    }

    /**
     * Parses a queue: symbol names separated by spaces, or, when all names have one width, also
     * written together ({@code aBgJvD}). An unknown symbol fails naming it and its position.
     */
    public int[] parseQueue(String text, String source) {
        List<Integer> out = new ArrayList<>();
        int width = symbolWidth();
        for (String token : text.strip().split("\\s+")) {
            if (token.isEmpty()) continue;
            Integer whole = ids.get(token);
            if (whole != null) {
                out.add(whole);
            } else if (width > 0 && token.length() % width == 0) {
                for (int at = 0; at < token.length(); at += width) out.add(known(token.substring(at, at + width), out.size(), source));
            } else {
                out.add(known(token, out.size(), source));
            }
        }
        if (out.isEmpty()) throw new LagException(source + ": the queue is empty; a Lag system needs at least two symbols to take a step");
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private int known(String symbol, int position, String source) {
        Integer id = ids.get(symbol);
        if (id == null) {
            throw new LagException(source + ": symbol " + (position + 1) + " '" + symbol + "' of the queue is not a symbol of " + name);
        }
        return id;
    }

    /** Builds a system rule by rule, checking each as it comes and the whole at {@link #build()}. */
    public static final class Builder {

        private final String name;
        private final List<String> symbols = new ArrayList<>();
        private final Map<String, Integer> ids = new HashMap<>();
        private final List<Rule> rules = new ArrayList<>();
        private final List<Rule> listing = new ArrayList<>();
        private final Map<Long, Rule> byKey = new HashMap<>();
        private final BitSet halt = new BitSet();
        private int repeats;

        private Builder(String name) {
            this.name = name;
        }

        /** The id of {@code symbol}, adding it when new. */
        public int symbol(String symbol) {
            Integer id = ids.get(symbol);
            if (id != null) return id;
            if (symbol.isEmpty() || symbol.chars().anyMatch(c -> Character.isWhitespace(c) || c == ':')) {
                throw new LagException("symbol '" + symbol + "': a symbol is one or more characters, no space or ':'");
            }
            ids.put(symbol, symbols.size());
            symbols.add(symbol);
            return symbols.size() - 1;
        }

        /**
         * Adds a rule; {@code where} names its place for messages. The same key again with the same
         * value is a repeat (kept once, counted); with another value it is an error.
         */
        public Builder rule(String first, String second, List<String> value, String where) {
            int a = symbol(first);
            int b = symbol(second);
            int[] v = value.stream().mapToInt(this::symbol).toArray();
            long key = ((long) a << 32) | b;
            Rule old = byKey.get(key);
            if (old != null) {
                if (!old.sameValue(v)) {
                    throw new LagException(where + ": key '" + text(new int[] {a, b}) + "' is given again with another value ('"
                            + text(v) + "'; " + old.where() + " gave '" + text(old.value()) + "')");
                }
                repeats++;
                listing.add(old);
                return this;
            }
            Rule rule = new Rule(a, b, v, where);
            byKey.put(key, rule);
            rules.add(rule);
            listing.add(rule);
            return this;
        }

        /** Symbols as they are written: together, or with spaces when some name differs in width. */
        private String text(int[] syms) {
            boolean together = symbols.stream().mapToInt(String::length).distinct().count() <= 1;
            StringBuilder sb = new StringBuilder();
            for (int s : syms) {
                if (!together && sb.length() > 0) sb.append(' ');
                sb.append(symbols.get(s));
            }
            return sb.toString();
        }

        /** Declares a symbol at which the system may stop: it may appear in values without any key reading it. */
        public Builder halt(String symbol) {
            halt.set(symbol(symbol));
            return this;
        }

        /** The system; fails when there is no rule or a value holds a symbol that no key reads. */
        public LagSystem build() {
            if (rules.isEmpty()) throw new LagException(name + ": no rules");
            BitSet read = new BitSet();
            for (Rule r : rules) {
                read.set(r.first());
                read.set(r.second());
            }
            for (Rule r : rules) {
                for (int s : r.value()) {
                    if (!read.get(s) && !halt.get(s)) {
                        throw new LagException(r.where() + ": value symbol '" + symbols.get(s) + "' is read by no key"
                                + " (a typo? a symbol where the system should stop must be declared a halt symbol)");
                    }
                }
            }
            return new LagSystem(this);
        }
    }
}
