package dev.mnemos.poem.memory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The exact read: scores every stored state. States live in tiles of {@value #TILE} laid out
 * dimension by dimension, so scoring a query against a tile is a loop of multiply-adds over plain
 * arrays, which the JIT turns into SIMD code. Exact, and the fastest read for small memories.
 */
public final class ExactScan implements StateIndex {

    static final int TILE = 1024;

    private final int dimension;
    private final List<float[]> tiles = new ArrayList<>();
    private boolean[] live = new boolean[TILE];
    private int highWater;
    private int count;

    ExactScan(int dimension) {
        this.dimension = dimension;
    }

    @Override
    public void add(int slot, float[] vector) {
        int tile = slot / TILE;
        while (tiles.size() <= tile) tiles.add(new float[dimension * TILE]);
        if (slot >= live.length) live = Arrays.copyOf(live, Math.max(live.length * 2, slot + 1));
        float[] t = tiles.get(tile);
        int offset = slot % TILE;
        for (int i = 0; i < dimension; i++) t[i * TILE + offset] = vector[i];
        if (!live[slot]) count++;
        live[slot] = true;
        highWater = Math.max(highWater, slot + 1);
    }

    @Override
    public void remove(int slot) {
        if (slot < live.length && live[slot]) {
            live[slot] = false;
            count--;
        }
    }

    @Override
    public int[] nearest(float[] q, int wanted) {
        int n = Math.min(wanted, count);
        int[] bestSlot = new int[n];
        float[] bestScore = new float[n];
        Arrays.fill(bestScore, Float.NEGATIVE_INFINITY);
        if (n == 0) return bestSlot;
        int filled = 0;
        int worst = 0; // position in best* of the lowest kept score
        float[] scores = new float[TILE];
        for (int tile = 0; tile * TILE < highWater; tile++) {
            int used = Math.min(TILE, highWater - tile * TILE);
            scoreTile(tiles.get(tile), q, scores, used);
            for (int o = 0; o < used; o++) {
                float score = scores[o];
                if (filled == n && score <= bestScore[worst]) continue;
                int slot = tile * TILE + o;
                if (!live[slot]) continue;
                if (filled < n) {
                    bestSlot[filled] = slot;
                    bestScore[filled] = score;
                    filled++;
                } else {
                    bestSlot[worst] = slot;
                    bestScore[worst] = score;
                }
                if (filled == n) worst = lowest(bestScore);
            }
        }
        return sorted(bestSlot, bestScore);
    }

    /** The slots by score, best first, ties by slot. */
    public static int[] sorted(int[] slots, float[] scores) {
        int n = slots.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -scores[i]).thenComparingInt(i -> slots[i]));
        int[] out = new int[n];
        for (int i = 0; i < n; i++) out[i] = slots[order[i]];
        return out;
    }

    /** scores[o] = dot(q, state o of the tile), dimension by dimension so the inner loop vectorises. */
    private void scoreTile(float[] tile, float[] q, float[] scores, int used) {
        Arrays.fill(scores, 0, used, 0f);
        for (int i = 0; i < dimension; i++) {
            float qi = q[i];
            int base = i * TILE;
            for (int o = 0; o < used; o++) scores[o] += qi * tile[base + o];
        }
    }

    private static int lowest(float[] scores) {
        int w = 0;
        for (int i = 1; i < scores.length; i++) if (scores[i] < scores[w]) w = i;
        return w;
    }
}
