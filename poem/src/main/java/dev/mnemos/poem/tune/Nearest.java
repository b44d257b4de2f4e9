package dev.mnemos.poem.tune;

import java.util.Arrays;

/** The top-k of a score array, one index left out: a bounded min-heap, then sorted best first (ties: lower index). */
final class Nearest {

    private Nearest() {}

    static int[] excluding(float[] scores, int n, int k, int left) {
        int size = Math.min(k, n - 1);
        int[] heap = new int[Math.max(size, 0)];
        int filled = 0;
        for (int s = 0; s < n && size > 0; s++) {
            if (s == left) continue;
            if (filled < size) {
                heap[filled] = s;
                up(heap, scores, filled++);
            } else if (better(scores, s, heap[0])) {
                heap[0] = s;
                down(heap, scores, size);
            }
        }
        Integer[] order = new Integer[filled];
        for (int i = 0; i < filled; i++) order[i] = heap[i];
        Arrays.sort(order, (a, b) -> better(scores, a, b) ? -1 : better(scores, b, a) ? 1 : 0);
        int[] out = new int[filled];
        for (int i = 0; i < filled; i++) out[i] = order[i];
        return out;
    }

    /** a ranks before b: a higher score, or the same score and a lower index. */
    private static boolean better(float[] scores, int a, int b) {
        return scores[a] > scores[b] || (scores[a] == scores[b] && a < b);
    }

    private static void up(int[] heap, float[] scores, int i) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (!better(scores, heap[parent], heap[i])) break;
            swap(heap, i, parent);
            i = parent;
        }
    }

    private static void down(int[] heap, float[] scores, int size) {
        int i = 0;
        while (true) {
            int l = 2 * i + 1, r = l + 1, worst = i;
            if (l < size && better(scores, heap[worst], heap[l])) worst = l;
            if (r < size && better(scores, heap[worst], heap[r])) worst = r;
            if (worst == i) return;
            swap(heap, i, worst);
            i = worst;
        }
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
