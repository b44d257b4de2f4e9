package dev.mnemos.facts.eval;

import dev.mnemos.facts.Fact;
import java.util.Optional;

/** A store of facts as the fact-editing benchmark drives it: write, forget, answer a question, say its size. */
public interface FactSystem {

    /** The name in tables. */
    String name();

    void write(Fact fact);

    /** Takes the fact out; false when the system did not hold it. */
    boolean forget(Fact fact);

    /** The value the system answers {@code question} with; empty when it holds nothing. */
    Optional<String> answer(String question);

    /** Bytes of what the system holds (its own accounting, stated in its table row). */
    long bytes();
}
