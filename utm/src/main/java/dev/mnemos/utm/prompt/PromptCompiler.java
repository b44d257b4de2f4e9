package dev.mnemos.utm.prompt;

import dev.mnemos.utm.machine.Action;
import dev.mnemos.utm.machine.Move;
import dev.mnemos.utm.machine.TuringMachine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles a machine's table into instruction texts in Schuurmans' format, one per state:
 * <pre>
 * &#64;[boot]result = " op="%[B]" %[i]="0" i+=1 "
 * if &#64;[&#64;[i]]==1 then result = " op="%[A]" %[i]="1" i+=1 "
 * $result
 * </pre>
 * The first line is the action on the blank; one {@code if} line follows per non-blank symbol
 * whose action differs from the blank's (so a state that does the same on every symbol, like
 * U15,2's F, has none). A halt is {@code " op="halt" "}. Every text ends with a newline.
 *
 * <p>Also writes the {@code boot} preamble: demonstrations in the same shape with literal
 * conditions, each followed by its answer line; see {@link #boot(TuringMachine)}.
 */
public final class PromptCompiler {

    /** What the Read stage replaces with the symbol under the head. */
    public static final String SYMBOL_READ = "@[@[i]]";
    /** What the Read stage replaces with the boot text. */
    public static final String BOOT_REF = "@[boot]";
    public static final String HALT_ANSWER = "\" op=\"halt\" \"";

    private PromptCompiler() {}

    /** The boot and every state's instruction text. */
    public static PromptSet compile(TuringMachine m) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String state : m.states()) texts.put(state, text(m, state));
        return new PromptSet(m, boot(m), texts);
    }

    /** The answer line for an action: {@code " op="%[B]" %[i]="0" i+=1 "}; null is a halt. */
    public static String answer(Action a) {
        if (a == null) return HALT_ANSWER;
        return answer(a.next(), a.write(), a.move());
    }

    static String answer(String next, String write, Move move) {
        return "\" op=\"%[" + next + "]\" %[i]=\"" + write + "\" i" + (move == Move.R ? "+" : "-") + "=1 \"";
    }

    /** The instruction text of one state. */
    public static String text(TuringMachine m, String state) {
        String blank = m.blank();
        Action onBlank = m.action(state, blank).orElse(null);
        StringBuilder out = new StringBuilder(BOOT_REF);
        out.append("result = ").append(answer(onBlank)).append('\n');
        for (String symbol : m.symbols()) {
            if (symbol.equals(blank)) continue;
            Action a = m.action(state, symbol).orElse(null);
            if (java.util.Objects.equals(a, onBlank)) continue;
            out.append("if ").append(SYMBOL_READ).append("==").append(symbol).append(" then result = ").append(answer(a)).append('\n');
        }
        return out.append("$result\n").toString();
    }

    /**
     * The boot preamble: demonstrations in the instruction shape with literal conditions, each
     * followed by the line a correct processor answers. They cover the condition false (the blank
     * read), the condition true (once per non-blank symbol), the halt answer when its condition is
     * true and when it is false, and a text with no {@code if} line. Labels and values come from
     * the machine, in a fixed pattern, so the boot is the same on every call.
     */
    public static String boot(TuringMachine m) {
        Demos demos = new Demos(m);
        List<String> others = demos.others;
        if (others.isEmpty()) {
            String r = demos.nextLine();
            demo(demos.out, r, List.of(), m.blank(), r);
            return demos.out.toString();
        }
        demos.conditionFalse();                                       // the blank read: every condition false
        for (int t = 0; t < others.size(); t++) demos.conditionTrue(t); // each non-blank symbol read
        demos.halt(others.size() - 1, others.get(others.size() - 1));  // halt, condition true
        demos.halt(0, m.blank());                                      // halt, condition false
        String r = demos.nextLine();                                   // no if line
        demo(demos.out, r, List.of(), m.blank(), r, others);
        return demos.out.toString();
    }

    /** The boot's demonstrations, written in order; answer lines change from one line to the next. */
    private static final class Demos {
        final StringBuilder out = new StringBuilder();
        final List<String> states;
        final List<String> symbols;
        final String blank;
        final List<String> others;
        int lines;

        Demos(TuringMachine m) {
            this.states = m.states();
            this.symbols = m.symbols();
            this.blank = m.blank();
            this.others = new ArrayList<>(symbols);
            others.remove(blank);
        }

        /** A label, value and move that change from one demonstration line to the next. */
        String nextLine() {
            int k = lines++;
            return answer(states.get((3 * k + 1) % states.size()), symbols.get(k % symbols.size()), k % 2 == 0 ? Move.R : Move.L);
        }

        /** The blank read: the result line's answer. */
        void conditionFalse() {
            String r = nextLine();
            List<String> ifs = new ArrayList<>();
            for (int t = 0; t < others.size(); t++) ifs.add(nextLine());
            demo(out, r, ifs, blank, r, others);
        }

        /** Non-blank symbol {@code t} read: its if line's answer. */
        void conditionTrue(int t) {
            String r = nextLine();
            List<String> ifs = new ArrayList<>();
            for (int u = 0; u < others.size(); u++) ifs.add(nextLine());
            demo(out, r, ifs, others.get(t), ifs.get(t), others);
        }

        /** The halt answer on if line {@code haltAt}, with {@code read} under the head. */
        void halt(int haltAt, String read) {
            String r = nextLine();
            List<String> ifs = new ArrayList<>();
            for (int u = 0; u < others.size(); u++) ifs.add(u == haltAt ? HALT_ANSWER : nextLine());
            boolean taken = !read.equals(blank) && others.indexOf(read) == haltAt;
            demo(out, r, ifs, read, taken ? HALT_ANSWER : r, others);
        }
    }

    private static void demo(StringBuilder out, String result, List<String> ifs, String read, String answer, List<String> symbols) {
        out.append("result = ").append(result).append('\n');
        for (int t = 0; t < ifs.size(); t++) {
            out.append("if ").append(read).append("==").append(symbols.get(t)).append(" then result = ").append(ifs.get(t)).append('\n');
        }
        out.append("$result\n").append(answer).append('\n');
    }

    private static void demo(StringBuilder out, String result, List<String> ifs, String read, String answer) {
        demo(out, result, ifs, read, answer, List.of());
    }
}
