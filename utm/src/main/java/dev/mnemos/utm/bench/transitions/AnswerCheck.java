package dev.mnemos.utm.bench.transitions;

import dev.mnemos.runtime.cycle.Instruction;
import dev.mnemos.runtime.cycle.InstructionParser;
import dev.mnemos.runtime.cycle.ParseException;
import dev.mnemos.runtime.cycle.ParseMode;
import dev.mnemos.runtime.cycle.WriteException;
import dev.mnemos.runtime.cycle.Writer;
import dev.mnemos.runtime.memory.Change;
import dev.mnemos.runtime.memory.Memory;
import dev.mnemos.utm.image.MemoryImage;
import dev.mnemos.utm.prompt.PromptSet;
import dev.mnemos.utm.sim.Tape;
import dev.mnemos.utm.verify.Effect;
import dev.mnemos.utm.verify.Lockstep;
import dev.mnemos.utm.verify.Mismatch;

import java.util.List;

/**
 * Decides whether a model's answer to one transition prompt is right, by what it does rather
 * than how it is spelt: the answer is parsed as the runtime's Write stage parses it, applied to a
 * scratch memory image of the machine in that state with the head on a cell holding the symbol
 * read, and the change compared with the reference transition ({@link Lockstep}). So
 * {@code op="%[B]" i+=1 %[i]="0"} is as right as {@code " op="%[B]" %[i]="0" i+=1 "}.
 */
public final class AnswerCheck {

    /** Where the scratch memory's head stands: away from 0, so a move either way is visible. */
    static final long HEAD = 100;

    /** How an answer fared. */
    public enum Outcome { CORRECT, WRONG, UNPARSEABLE, BAD_WRITE }

    /**
     * The verdict on one answer.
     *
     * @param problem what was wrong, one line, or null when correct
     */
    public record Verdict(Outcome outcome, String problem) {
        static final Verdict CORRECT = new Verdict(Outcome.CORRECT, null);

        public boolean correct() {
            return outcome == Outcome.CORRECT;
        }
    }

    private final PromptSet prompts;
    private final InstructionParser parser;
    private final Writer writer = new Writer();

    public AnswerCheck(PromptSet prompts, ParseMode mode) {
        this.prompts = prompts;
        this.parser = new InstructionParser(mode);
    }

    /** The verdict on {@code raw} as the answer in (state, symbol). */
    public Verdict check(String state, String symbol, String raw) {
        Instruction instruction;
        try {
            instruction = parser.parse(raw);
        } catch (ParseException e) {
            return new Verdict(Outcome.UNPARSEABLE, e.getMessage());
        }
        Tape tape = new Tape(HEAD, List.of(symbol));
        Memory memory = MemoryImage.of(prompts, tape, HEAD, state);
        List<Change> changes;
        try {
            changes = writer.apply(memory, instruction);
        } catch (WriteException e) {
            return new Verdict(Outcome.BAD_WRITE, e.getMessage());
        }
        Mismatch m = new Lockstep(prompts, tape, HEAD, state).check(0, "", raw, changes);
        if (m == null) return Verdict.CORRECT;
        return new Verdict(Outcome.WRONG, "expected " + describe(m.expected()) + "; got " + describe(m.actual()));
    }

    /** E.g. {@code op=H, write 0, move L}: the effect without the scratch memory's cell numbers. */
    static String describe(Effect e) {
        StringBuilder sb = new StringBuilder("op=").append(e.next()).append(", write ").append(e.written());
        if (e.head() == null) sb.append(", i not an integer");
        else if (e.head() == HEAD + 1) sb.append(", move R");
        else if (e.head() == HEAD - 1) sb.append(", move L");
        else if (e.head() == HEAD) sb.append(", no move");
        else sb.append(", move by ").append(e.head() - HEAD);
        e.others().forEach((label, value) -> sb.append(", also ").append(label).append(" = ").append(shorten(String.valueOf(value))));
        return sb.toString();
    }

    private static String shorten(String v) {
        String shown = v.length() > 40 ? v.substring(0, 40) + "..." : v;
        return dev.mnemos.io.Printable.of(shown);
    }

    /** The verdict on an answer to a prompt several symbols share: right only if right for each. */
    public Verdict check(PromptSet.Transition t, String raw) {
        Verdict v = Verdict.CORRECT;
        for (String symbol : t.symbols()) {
            v = check(t.state(), symbol, raw);
            if (!v.correct()) return v;
        }
        return v;
    }
}
