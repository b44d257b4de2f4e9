package dev.mnemos.nam.study;

import dev.mnemos.nam.chart.LineChart;
import dev.mnemos.nam.tensor.NamMatrix;
import dev.mnemos.nam.tensor.RandomVectors;
import dev.mnemos.vectors.Vectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * How many (key, value) pairs one NAM matrix holds: recall@1 as the number of stored pairs n
 * grows, for plain sum writing ({@code p_e = 0}) and delta writing ({@code p_w = p_e = 1}),
 * against an exact nearest-neighbour store over the same pairs.
 *
 * <p>For each n, n keys and n values are drawn, written in order into each memory, and every key
 * is then asked for: a NAM answer counts when the read, cleaned up against the n stored values
 * (highest cosine), is the value written with that key; the nearest-neighbour store answers with
 * the value of the stored key nearest to the query. Queries are the keys themselves, or the keys
 * blurred to a given cosine (a paraphrase of the key, as it were).
 */
public final class CapacityStudy {

    /** One measured point: recall@1 of each memory for n pairs and queries at a cosine to their keys. */
    public record Row(int n, double queryCosine, double namSum, double namDelta, double nearest) {
    }

    /** Draws {@code n} keys and {@code n} values; both unit length. */
    public interface PairSource {
        float[][][] pairs(int n, Random random);
    }

    private final int dimension;
    private final int[] sizes;
    private final int trials;
    private final long seed;
    private final double[] queryCosines;
    private final PairSource source;

    private CapacityStudy(Builder b) {
        this.dimension = b.dimension;
        this.sizes = b.sizes.clone();
        this.trials = b.trials;
        this.seed = b.seed;
        this.queryCosines = b.queryCosines.clone();
        this.source = b.source != null ? b.source : randomUnitPairs(b.dimension);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Keys and values drawn uniformly from the unit sphere in {@code d} dimensions. */
    public static PairSource randomUnitPairs(int d) {
        return (n, random) -> new float[][][] {RandomVectors.units(random, n, d), RandomVectors.units(random, n, d)};
    }

    /**
     * The pairs of {@code source} with the mean key subtracted from every key and the mean value
     * from every value, then each scaled back to unit length. Sentence embeddings share a large
     * common direction; taking it out makes them closer to orthogonal, which NAM needs.
     */
    public static PairSource centred(PairSource source) {
        return (n, random) -> {
            float[][][] pairs = source.pairs(n, random);
            return new float[][][] {centre(pairs[0]), centre(pairs[1])};
        };
    }

    static float[][] centre(float[][] rows) {
        int d = rows[0].length;
        float[] mean = new float[d];
        for (float[] r : rows) {
            for (int j = 0; j < d; j++) {
                mean[j] += r[j] / rows.length;
            }
        }
        float[][] out = new float[rows.length][d];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < d; j++) {
                out[i][j] = rows[i][j] - mean[j];
            }
            Vectors.unit(out[i], out[i]);
        }
        return out;
    }

    /** Runs every size and query cosine; recall is averaged over the trials. */
    public List<Row> run() {
        List<Row> rows = new ArrayList<>();
        for (double cosine : queryCosines) {
            for (int n : sizes) {
                double sum = 0;
                double delta = 0;
                double nearest = 0;
                for (int trial = 0; trial < trials; trial++) {
                    Random random = new Random(seed + 1_000_003L * trial + n);
                    double[] r = trial(n, cosine, random);
                    sum += r[0];
                    delta += r[1];
                    nearest += r[2];
                }
                rows.add(new Row(n, cosine, sum / trials, delta / trials, nearest / trials));
            }
        }
        return rows;
    }

    private double[] trial(int n, double cosine, Random random) {
        float[][][] pairs = source.pairs(n, random);
        float[][] keys = pairs[0];
        float[][] values = pairs[1];
        int dk = keys[0].length;
        int dv = values[0].length;
        NamMatrix sum = new NamMatrix(dv, dk);
        NamMatrix delta = new NamMatrix(dv, dk);
        sum.write(keys, values, 1f, 0f);
        delta.write(keys, values, 1f, 1f);
        float[] read = new float[dv];
        int sumHits = 0;
        int deltaHits = 0;
        int nearestHits = 0;
        for (int i = 0; i < n; i++) {
            float[] q = blur(keys[i], cosine, random);
            sum.read(q, 1f, read);
            sumHits += nearest(values, read) == i ? 1 : 0;
            delta.read(q, 1f, read);
            deltaHits += nearest(values, read) == i ? 1 : 0;
            nearestHits += nearest(keys, q) == i ? 1 : 0;
        }
        return new double[] {(double) sumHits / n, (double) deltaHits / n, (double) nearestHits / n};
    }

    /** A unit vector at exactly {@code cosine} to the unit vector {@code k}. */
    static float[] blur(float[] k, double cosine, Random random) {
        if (cosine >= 1) {
            return k;
        }
        float[] u = RandomVectors.gaussian(random, k.length);
        float along = Vectors.dot(u, k);
        for (int j = 0; j < k.length; j++) {
            u[j] -= along * k[j];
        }
        Vectors.unit(u, u);
        float sin = (float) Math.sqrt(1 - cosine * cosine);
        float[] q = new float[k.length];
        for (int j = 0; j < k.length; j++) {
            q[j] = (float) cosine * k[j] + sin * u[j];
        }
        return q;
    }

    /** Index of the row with the highest dot product with {@code x} (rows are unit length). */
    static int nearest(float[][] rows, float[] x) {
        int best = -1;
        float bestDot = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < rows.length; i++) {
            float d = Vectors.dot(rows[i], x);
            if (d > bestDot) {
                bestDot = d;
                best = i;
            }
        }
        return best;
    }

    /** The rows as CSV with a header line. */
    public static String csv(List<Row> rows) {
        StringBuilder s = new StringBuilder("n,query_cosine,nam_sum_pe0,nam_delta_pe1,exact_nearest_neighbour\n");
        for (Row r : rows) {
            s.append(String.format(Locale.ROOT, "%d,%.2f,%.4f,%.4f,%.4f%n", r.n(), r.queryCosine(), r.namSum(),
                    r.namDelta(), r.nearest()));
        }
        return s.toString();
    }

    /** Recall@1 against n, one line per memory and query cosine (dashed when queries are blurred). */
    public static LineChart chart(List<Row> rows, String title) {
        LineChart.Builder chart = LineChart.builder().title(title).xLabel("stored pairs n (log scale)")
                .yLabel("recall@1").logX().yRange(0, 1);
        for (double cosine : rows.stream().mapToDouble(Row::queryCosine).distinct().toArray()) {
            List<Row> part = rows.stream().filter(r -> r.queryCosine() == cosine).toList();
            double[] xs = part.stream().mapToDouble(Row::n).toArray();
            String q = cosine >= 1 ? "query = key" : String.format(Locale.ROOT, "query at cosine %.2f to key", cosine);
            boolean dashed = cosine < 1;
            chart.series("NAM, sum writing (p_e = 0), " + q, xs, column(part, Row::namSum), dashed, 0);
            chart.series("NAM, delta writing (p_w = p_e = 1), " + q, xs, column(part, Row::namDelta), dashed, 1);
            chart.series("exact nearest neighbour, " + q, xs, column(part, Row::nearest), dashed, 2);
        }
        return chart.build();
    }

    private static double[] column(List<Row> rows, java.util.function.ToDoubleFunction<Row> f) {
        return rows.stream().mapToDouble(f).toArray();
    }

    public static final class Builder {
        private int dimension = 384;
        private int[] sizes = {10, 20, 50, 100, 200, 300, 400, 500, 750, 1000, 1500, 2000};
        private int trials = 3;
        private long seed = 42;
        private double[] queryCosines = {1.0};
        private PairSource source;

        private Builder() {
        }

        public Builder dimension(int d) {
            if (d < 1) {
                throw new IllegalArgumentException("dimension = " + d + " must be positive");
            }
            this.dimension = d;
            return this;
        }

        public Builder sizes(int... sizes) {
            for (int n : sizes) {
                if (n < 1) {
                    throw new IllegalArgumentException("size n = " + n + " must be positive");
                }
            }
            this.sizes = sizes.clone();
            return this;
        }

        public Builder trials(int trials) {
            if (trials < 1) {
                throw new IllegalArgumentException("trials = " + trials + " must be positive");
            }
            this.trials = trials;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Cosines between each query and its key; 1 asks with the key itself. Default {1}. */
        public Builder queryCosines(double... cosines) {
            for (double c : cosines) {
                if (!(c > 0 && c <= 1)) {
                    throw new IllegalArgumentException("query cosine = " + c + " must be in (0, 1]");
                }
            }
            this.queryCosines = cosines.clone();
            return this;
        }

        /** Where keys and values come from; default random unit vectors of the dimension. */
        public Builder source(PairSource source) {
            this.source = source;
            return this;
        }

        public CapacityStudy build() {
            return new CapacityStudy(this);
        }
    }
}
