package dev.mnemos.bench.vectors;

import dev.mnemos.nam.tensor.Nam;
import dev.mnemos.nam.tensor.NamMatrix;
import dev.mnemos.nam.tensor.RandomVectors;
import dev.mnemos.poem.action.Permutation;
import dev.mnemos.poem.action.Permutations;
import dev.mnemos.poem.memory.EpisodicMemory;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Thread CPU time per operation of the code paths whose dot products live in mnemos-vectors, as the
 * median of 15 rounds: on a machine loaded by other jobs JMH's wall-clock scores swing by more than
 * they measure, while a thread's CPU time moves far less. Run it alternately on two builds (before
 * and after a change to the vector maths), each process with its own class path:
 *
 * <pre>java -Dmnemos.nam.kernel=scalar -cp 'bench/target/benchmarks.jar:bench/target/lib/*' dev.mnemos.bench.vectors.CpuPerOp writeRead|reference|scan</pre>
 *
 * {@code writeRead}: NamMatrix's fused write and read on the scalar kernel (d = 384);
 * {@code reference}: nam's textbook {@code Nam.write} and {@code Nam.read}; {@code scan}: POEM's
 * exact read of 100,000 distinct states (k = 5). Prints the operation and microseconds of CPU.
 */
public final class CpuPerOp {

    private static final ThreadMXBean THREAD = ManagementFactory.getThreadMXBean();
    private static final int D = 384;
    private static final int ROUNDS = 15;
    private static volatile Object sink;

    private CpuPerOp() {}

    public static void main(String[] args) {
        String what = args.length == 1 ? args[0] : "";
        Random random = new Random(1);
        switch (what) {
            case "scan" -> print(what, measure(exactScan(random), 15));
            case "writeRead", "reference" -> print(what, measure(nam(what, random), 1500));
            default -> throw new IllegalArgumentException("usage: CpuPerOp writeRead|reference|scan");
        }
    }

    /** POEM's read over 100,000 distinct states, every one scored. */
    private static Runnable exactScan(Random random) {
        int n = 100_000;
        EpisodicMemory memory = EpisodicMemory.builder().dimension(D).k(5).capacity(n).exactUpTo(Integer.MAX_VALUE).build();
        List<Permutation> all = Permutations.all(4);
        for (int s = 0; s < n; s++) memory.write(RandomVectors.gaussian(random, D), all.get(s % all.size()), random.nextDouble());
        float[][] queries = vectors(random);
        int[] next = {0};
        return () -> sink = memory.best(queries[next[0]++ & 63]);
    }

    /** One NAM write and one read: NamMatrix's fused pass (the kernel the JVM runs), or the textbook loops. */
    private static Runnable nam(String what, Random random) {
        float[][] keys = vectors(random), values = vectors(random);
        int[] next = {0};
        if (what.equals("reference")) {
            float[][] m = Nam.zeros(D, D);
            return () -> {
                int i = next[0]++ & 63;
                Nam.write(m, keys[i], values[i], 0.5f, 0.5f);
                sink = Nam.read(m, keys[(i + 1) & 63], 1f);
            };
        }
        NamMatrix matrix = new NamMatrix(D, D);
        float[] out = new float[D];
        return () -> {
            int i = next[0]++ & 63;
            matrix.writeRead(keys[i], values[i], 0.5f, 0.5f, keys[(i + 1) & 63], 1f, out);
            sink = out;
        };
    }

    private static float[][] vectors(Random random) {
        float[][] out = new float[64][];
        for (int i = 0; i < out.length; i++) out[i] = RandomVectors.gaussian(random, D);
        return out;
    }

    /** The median over {@link #ROUNDS} rounds of the thread's CPU nanoseconds per operation, after five rounds of warm-up. */
    private static double measure(Runnable op, int perRound) {
        for (int i = 0; i < perRound * 5; i++) op.run();
        double[] ns = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            long t0 = THREAD.getCurrentThreadCpuTime();
            for (int i = 0; i < perRound; i++) op.run();
            ns[r] = (THREAD.getCurrentThreadCpuTime() - t0) / (double) perRound;
        }
        Arrays.sort(ns);
        return ns[ROUNDS / 2];
    }

    private static void print(String what, double ns) {
        System.out.printf("%s %.1f us CPU per operation (kernel %s)%n", what, ns / 1000, NamMatrix.kernel());
    }
}
