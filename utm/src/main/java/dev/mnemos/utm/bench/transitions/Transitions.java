package dev.mnemos.utm.bench.transitions;

import dev.mnemos.runtime.cycle.ParseMode;
import dev.mnemos.utm.bench.Format;
import dev.mnemos.utm.bench.Report;
import dev.mnemos.utm.bench.Score;
import dev.mnemos.utm.bench.Subject;
import dev.mnemos.utm.bench.Verdict;
import dev.mnemos.utm.prompt.PromptSet;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The transitions of a Turing machine as a bench subject: one question per distinct transition
 * prompt ({@link PromptSet#transitions()}: 29 for U15,2, F's two symbols sharing one), judged by
 * what the answer does ({@link AnswerCheck}: parsed in {@code mode}, applied to a scratch memory,
 * compared with the reference transition; counted apart: {@value #UNPARSEABLE}, {@value #BAD_WRITE}),
 * repaired by demonstrations of the failing transitions appended to the boot ({@link Demonstrations}).
 * Any boot: {@code Transitions.of(prompts.withBoot(text), mode)}.
 */
public final class Transitions implements Subject<Transitions> {

    /** How reports of transitions look. */
    public static final Format<Transitions> FORMAT = new Format<>(TransitionsTable::render, TransitionsJson::of, TransitionsJson::round,
            TransitionsHtml::render);

    /** The kind of an answer that is not an instruction in the parse mode. */
    public static final String UNPARSEABLE = "unparseable";
    /** The kind of an answer that parsed but could not be written. */
    public static final String BAD_WRITE = "badWrite";

    private final PromptSet prompts;
    private final ParseMode mode;
    private final List<PromptSet.Transition> transitions;
    private final AnswerCheck check;

    private Transitions(PromptSet prompts, ParseMode mode) {
        this.prompts = prompts;
        this.mode = mode;
        this.transitions = prompts.transitions();
        this.check = new AnswerCheck(prompts, mode);
    }

    /** The transitions of {@code prompts}' machine, with their boot, answers parsed in {@code mode}. */
    public static Transitions of(PromptSet prompts, ParseMode mode) {
        return new Transitions(prompts, mode);
    }

    public PromptSet prompts() {
        return prompts;
    }

    public ParseMode mode() {
        return mode;
    }

    /** Question {@code q}'s transition. */
    public PromptSet.Transition transition(int q) {
        return transitions.get(q);
    }

    @Override
    public int size() {
        return transitions.size();
    }

    /** E.g. {@code G/0}, or {@code F/0,1} for a prompt two symbols share. */
    @Override
    public String name(int q) {
        PromptSet.Transition t = transitions.get(q);
        return t.state() + "/" + String.join(",", t.symbols());
    }

    @Override
    public String prompt(int q) {
        return transitions.get(q).prompt();
    }

    @Override
    public Verdict judge(int q, String answer) {
        AnswerCheck.Verdict v = check.check(transitions.get(q), answer);
        return switch (v.outcome()) {
            case CORRECT -> Verdict.right(null);
            case UNPARSEABLE -> Verdict.wrong(UNPARSEABLE, v.problem());
            case BAD_WRITE -> Verdict.wrong(BAD_WRITE, v.problem());
            case WRONG -> Verdict.wrong(null, v.problem());
        };
    }

    /** The boot with one more demonstration of each failing transition, after what is there. */
    @Override
    public Transitions repaired(List<Integer> failing) {
        List<PromptSet.Transition> shown = failing.stream().map(transitions::get).toList();
        return new Transitions(prompts.withBoot(Demonstrations.add(prompts.boot(), prompts, shown)), mode);
    }

    /** The first 12 hex digits of the boot's SHA-256: tells boots apart in reports. */
    public String bootHash() {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(prompts.boot().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The score, in {@code report}, of the prompt the machine gets in (state, symbol), or null when there is none. */
    public static Score score(Report<Transitions> report, String state, String symbol) {
        for (Score s : report.scores()) {
            PromptSet.Transition t = report.subject().transition(s.question());
            if (t.state().equals(state) && t.symbols().contains(symbol)) return s;
        }
        return null;
    }
}
