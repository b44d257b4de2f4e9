package dev.mnemos.poem.pool;

import dev.mnemos.poem.data.Example;

import java.util.List;

/**
 * The m examples chosen for a query, rank 1 (most similar) first, with their cosine similarities.
 */
public record Ranked(List<Example> byRank, double[] similarities) {

    public Ranked {
        byRank = List.copyOf(byRank);
    }

    @Override
    public String toString() {
        return "Ranked[byRank=" + byRank + ", similarities=" + java.util.Arrays.toString(similarities) + "]";
    }

    public int size() {
        return byRank.size();
    }
}
