package dev.mnemos.poem.memory;

/** A stored state found near a query, with its cosine similarity to the query. */
public record Neighbour(float[] state, double similarity) {

    @Override
    public String toString() {
        return "Neighbour[state=" + Episode.brief(state) + ", similarity=" + similarity + "]";
    }
}
