package dev.mnemos.poem.tune;

import dev.mnemos.poem.memory.Episode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Episodes grouped by state (first appearance first), each state's actions (as order indices) and
 * rewards in the order written, and the unit state vectors laid out dimension by dimension so that
 * scoring queries against all states is a loop the JIT vectorises.
 */
final class States {

    private final int count;
    private final int dimension;
    private final float[][] vectors;
    private final float[] columns; // columns[i * count + s] = dimension i of state s
    private final int[][] actions;
    private final double[][] rewards;

    private States(List<float[]> vectors, List<int[]> actions, List<double[]> rewards) {
        this.count = vectors.size();
        this.dimension = count == 0 ? 0 : vectors.get(0).length;
        this.vectors = vectors.toArray(new float[0][]);
        this.actions = actions.toArray(new int[0][]);
        this.rewards = rewards.toArray(new double[0][]);
        this.columns = new float[dimension * count];
        for (int s = 0; s < count; s++) {
            float[] v = this.vectors[s];
            if (v.length != dimension) throw new IllegalArgumentException("states of " + dimension + " and " + v.length + " dimensions");
            for (int i = 0; i < dimension; i++) columns[i * count + s] = v[i];
        }
    }

    /** Groups episodes by state; a repeated (state, action) keeps the larger reward, as the memory does. */
    static States of(List<Episode> episodes) {
        Map<Key, Integer> index = new HashMap<>();
        List<float[]> vectors = new ArrayList<>();
        List<List<Integer>> acts = new ArrayList<>();
        List<List<Double>> rews = new ArrayList<>();
        for (Episode e : episodes) {
            float[] v = dev.mnemos.vectors.Vectors.unitOnce(e.state()); // as the memory restores it
            int s = index.computeIfAbsent(new Key(v), k -> {
                vectors.add(v);
                acts.add(new ArrayList<>());
                rews.add(new ArrayList<>());
                return vectors.size() - 1;
            });
            int a = e.action().index();
            int at = acts.get(s).indexOf(a);
            if (at < 0) {
                acts.get(s).add(a);
                rews.get(s).add(e.reward());
            } else {
                rews.get(s).set(at, Math.max(rews.get(s).get(at), e.reward()));
            }
        }
        List<int[]> a = new ArrayList<>();
        List<double[]> r = new ArrayList<>();
        for (int s = 0; s < vectors.size(); s++) {
            a.add(acts.get(s).stream().mapToInt(Integer::intValue).toArray());
            r.add(rews.get(s).stream().mapToDouble(Double::doubleValue).toArray());
        }
        return new States(vectors, a, r);
    }

    int count() { return count; }

    int[] actions(int state) { return actions[state]; }

    double[] rewards(int state) { return rewards[state]; }

    float[] vector(int state) { return vectors[state]; }

    /** scores[b][s] = dot(state queries[b], state s) for every s, the same sums as the memory's scan. */
    void similarities(int[] queries, float[][] scores) {
        for (int b = 0; b < queries.length; b++) Arrays.fill(scores[b], 0, count, 0f);
        for (int i = 0; i < dimension; i++) {
            int base = i * count;
            for (int b = 0; b < queries.length; b++) {
                float qi = vectors[queries[b]][i];
                float[] out = scores[b];
                for (int s = 0; s < count; s++) out[s] += qi * columns[base + s];
            }
        }
    }

    private record Key(float[] v) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && Arrays.equals(v, other.v);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(v);
        }
    }
}
