package dev.mnemos.utm.lag.check;

import dev.mnemos.utm.bench.Format;
import dev.mnemos.utm.bench.Subject;
import dev.mnemos.utm.bench.Verdict;
import dev.mnemos.utm.lag.Rule;

import java.util.List;

/**
 * The rules of a Lag system as a bench subject: one question per rule, its key looked up with the
 * whole dictionary in the prompt ({@link Dictionary#prompt}), judged by the value
 * ({@link AnswerMatch}: {@value #EXACT} after trimming, or {@value #WRAPPED} in other text, which
 * only {@code lenient} accepts; both counted apart), repaired as the paper does: each failing rule
 * added to the dictionary once more.
 */
public record Rules(Dictionary dictionary, boolean lenient) implements Subject<Rules> {

    /** How reports of rules look. */
    public static final Format<Rules> FORMAT = new Format<>(RulesTable::render, RulesJson::of, RulesJson::round, RulesHtml::render);

    /** The kind of an answer that is the value, trimmed. */
    public static final String EXACT = "exact";
    /** The kind of an answer that holds the value as a word of its own amid other text. */
    public static final String WRAPPED = "wrapped";

    /** Every rule of {@code dictionary}'s system, asked with that dictionary; {@code lenient} accepts wrapped values. */
    public static Rules of(Dictionary dictionary, boolean lenient) {
        return new Rules(dictionary, lenient);
    }

    /** Question {@code q}'s rule. */
    public Rule rule(int q) {
        return dictionary.system().rules().get(q);
    }

    /** The value question {@code q} must be answered with. */
    public String expected(int q) {
        return dictionary.system().valueText(rule(q));
    }

    @Override
    public int size() {
        return dictionary.system().ruleCount();
    }

    /** The rule's key, e.g. {@code aBgJ}. */
    @Override
    public String name(int q) {
        return dictionary.system().keyText(rule(q));
    }

    @Override
    public String prompt(int q) {
        return dictionary.prompt(rule(q));
    }

    @Override
    public Verdict judge(int q, String answer) {
        AnswerMatch m = AnswerMatch.of(answer, expected(q));
        String kind = m == AnswerMatch.EXACT ? EXACT : m == AnswerMatch.WRAPPED ? WRAPPED : null;
        return m.accepted(lenient) ? Verdict.right(kind) : Verdict.wrong(kind, null);
    }

    /** The dictionary with each failing rule once more, at its end. */
    @Override
    public Rules repaired(List<Integer> failing) {
        return new Rules(dictionary.plus(failing.stream().map(this::rule).toList()), lenient);
    }
}
