package dev.mnemos.poem.pool;

import dev.mnemos.poem.data.DataException;
import dev.mnemos.poem.data.Example;
import dev.mnemos.embed.Encoder;
import dev.mnemos.vectors.Vectors;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The labelled examples a prompt's shots are chosen from, with their embeddings in one flat
 * matrix. {@link #nearest} gives the m most similar to a query, rank 1 first.
 */
public final class ExamplePool {

    private final List<Example> examples;
    private final float[] matrix;
    private final int dimension;
    private final Map<String, Integer> indexOfInput = new HashMap<>();

    private ExamplePool(List<Example> examples, List<float[]> embeddings) {
        this.examples = List.copyOf(examples);
        this.dimension = embeddings.get(0).length;
        this.matrix = new float[examples.size() * dimension];
        for (int i = 0; i < examples.size(); i++) {
            System.arraycopy(Vectors.unit(embeddings.get(i)), 0, matrix, i * dimension, dimension);
            Integer earlier = indexOfInput.putIfAbsent(examples.get(i).input(), i);
            if (earlier != null) {
                throw new DataException("the pool holds the same input twice (examples " + (earlier + 1) + " and " + (i + 1)
                        + "): \"" + examples.get(i).input() + "\"");
            }
        }
    }

    /** Embeds the examples' inputs (batched, through the encoder's cache) and builds the pool. */
    public static ExamplePool of(List<Example> examples, Encoder encoder) {
        if (examples.isEmpty()) throw new DataException("the example pool is empty");
        return new ExamplePool(examples, encoder.encodeAll(examples.stream().map(Example::input).toList()));
    }

    /** A pool with embeddings computed elsewhere, in the same order as the examples. */
    public static ExamplePool of(List<Example> examples, List<float[]> embeddings) {
        if (examples.isEmpty()) throw new DataException("the example pool is empty");
        if (examples.size() != embeddings.size()) throw new IllegalArgumentException("examples and embeddings differ in number");
        return new ExamplePool(examples, embeddings);
    }

    public List<Example> examples() {
        return examples;
    }

    public int size() {
        return examples.size();
    }

    public int dimension() {
        return dimension;
    }

    public Example get(int i) {
        return examples.get(i);
    }

    /** The unit embedding of example i. */
    public float[] embedding(int i) {
        float[] v = new float[dimension];
        System.arraycopy(matrix, i * dimension, v, 0, dimension);
        return v;
    }

    /** Position of the example with this input, or -1. */
    public int indexOf(String input) {
        return indexOfInput.getOrDefault(input, -1);
    }

    /** The m examples most similar to the query (cosine), rank 1 first. */
    public Ranked nearest(float[] query, int m) {
        return nearestExcept(query, m, -1);
    }

    /**
     * The m examples most similar to the query, leaving out example {@code except} (the query itself
     * during training; -1 for none). Ties go to the earlier example.
     */
    public Ranked nearestExcept(float[] query, int m, int except) {
        int available = examples.size() - (except >= 0 ? 1 : 0);
        if (m > available) {
            throw new DataException("the pool has " + available + " example" + (available == 1 ? "" : "s")
                    + (except >= 0 ? " besides the query" : "") + " but m = " + m + " are needed");
        }
        if (query.length != dimension) {
            throw new IllegalArgumentException("query has " + query.length + " dimensions, the pool " + dimension);
        }
        int[] best = new int[m];
        float[] score = new float[m];
        int filled = 0;
        for (int i = 0; i < examples.size(); i++) {
            if (i == except) continue;
            float s = dot(query, i);
            if (filled == m && s <= score[m - 1]) continue;
            int pos = filled < m ? filled++ : m - 1;
            while (pos > 0 && score[pos - 1] < s) {   // insertion: keeps best[] sorted, stable for ties
                best[pos] = best[pos - 1];
                score[pos] = score[pos - 1];
                pos--;
            }
            best[pos] = i;
            score[pos] = s;
        }
        List<Example> byRank = new ArrayList<>(m);
        double[] similarities = new double[m];
        for (int r = 0; r < m; r++) {
            byRank.add(examples.get(best[r]));
            similarities[r] = score[r];
        }
        return new Ranked(byRank, similarities);
    }

    private float dot(float[] q, int row) {
        int base = row * dimension;
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (; i + 3 < dimension; i += 4) {
            s0 += q[i] * matrix[base + i];
            s1 += q[i + 1] * matrix[base + i + 1];
            s2 += q[i + 2] * matrix[base + i + 2];
            s3 += q[i + 3] * matrix[base + i + 3];
        }
        for (; i < dimension; i++) s0 += q[i] * matrix[base + i];
        return (s0 + s1) + (s2 + s3);
    }
}
