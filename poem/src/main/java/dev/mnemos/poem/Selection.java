package dev.mnemos.poem;

import dev.mnemos.poem.action.Permutation;
import dev.mnemos.poem.data.Example;
import dev.mnemos.poem.pool.Ranked;

import java.util.List;

/**
 * What POEM chose for a query: the m examples by rank, the order (action) and the examples in
 * that order, and on what {@code basis} the order was chosen: learned from the memory, or the
 * default order because the memory knew no similar query or every reward in it is the same.
 */
public record Selection(String query, float[] state, Ranked ranked, Permutation action, Basis basis) {

    /** Why this order. */
    public enum Basis {
        /** The order the memory expects to earn the most reward for queries like this one. */
        LEARNED("learned"),
        /** The default order: the memory holds no query near this one (it is empty, say). */
        NO_SIMILAR_QUERY("default: the memory knows no similar query"),
        /** The default order: every reward in the memory is the same, so no order earned more than another. */
        REWARDS_ALL_EQUAL("default: every reward in the memory is the same, so no order was learned");

        private final String description;

        Basis(String description) {
            this.description = description;
        }

        /** For example {@code default: the memory knows no similar query}. */
        public String description() {
            return description;
        }
    }

    /** Whether the order was learned (else it is the default order). */
    public boolean learned() {
        return basis == Basis.LEARNED;
    }

    /** For example {@code Selection[query="The shower was cold.", order [3,1,4,2] (learned), examples [...]]}; the state vector is left out. */
    @Override
    public String toString() {
        return "Selection[query=\"" + query + "\", order " + action + " (" + basis.description() + "), examples " + ordered() + "]";
    }

    /** The examples as they go into the prompt. */
    public List<Example> ordered() {
        return action.apply(ranked.byRank());
    }
}
