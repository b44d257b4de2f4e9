package dev.mnemos.poem;

import dev.mnemos.poem.action.Permutation;
import dev.mnemos.poem.data.Example;
import dev.mnemos.poem.pool.Ranked;

import java.util.List;

/**
 * What POEM chose for a query: the m examples by rank, the order (action) and the examples in
 * that order. {@code learned} is false when the memory knew nothing and the default order was used.
 */
public record Selection(String query, float[] state, Ranked ranked, Permutation action, boolean learned) {

    /** For example {@code Selection[query="The shower was cold.", order [3,1,4,2] (learned), examples [...]]}; the state vector is left out. */
    @Override
    public String toString() {
        return "Selection[query=\"" + query + "\", order " + action + (learned ? " (learned)" : " (default)") + ", examples " + ordered() + "]";
    }

    /** The examples as they go into the prompt. */
    public List<Example> ordered() {
        return action.apply(ranked.byRank());
    }
}
