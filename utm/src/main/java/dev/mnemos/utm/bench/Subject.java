package dev.mnemos.utm.bench;

import java.util.List;

/**
 * What a {@link Bench} asks a model about: a fixed list of questions, each a prompt whose answers
 * the subject judges, and a way to make the prompts teach what the model got wrong
 * ({@link #repaired}). Two kinds ship: the transitions of a Turing machine
 * ({@code bench.transitions.Transitions}: U15,2's 29 prompts, judged by what an answer does) and the
 * rules of a Lag system ({@code lag.check.Rules}: one lookup per rule, judged by the value). Another
 * subject (other prompts, a grammar, per-model boots) needs only these five methods.
 *
 * @param <S> the subject's own type, which {@link #repaired} returns
 */
public interface Subject<S extends Subject<S>> {

    /** How many questions: each is asked {@code samples} times. */
    int size();

    /** Question {@code q}'s name in reports ({@code G/0}, a rule's key). */
    String name(int q);

    /** Question {@code q}'s prompt; built when its call runs (a subject need not hold them all). */
    String prompt(int q);

    /** The verdict on {@code answer}, the model's raw answer to question {@code q}. */
    Verdict judge(int q, String answer);

    /**
     * This subject made to teach the questions {@code failing} (indices, in order) once more: the
     * next repair round asks every question again with it (a boot with their demonstrations added,
     * a dictionary with their rules repeated).
     */
    S repaired(List<Integer> failing);
}
