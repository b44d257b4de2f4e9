package dev.mnemos.nam.fewshot;

import dev.mnemos.nam.chart.LineChart;
import dev.mnemos.nam.grad.Rng;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * N-way K-shot episodes over labelled embeddings: each episode picks N classes for the support set
 * (K examples each) and N other classes whose texts should be refused, asks Q queries of every one
 * of the 2N classes, and scores every classifier on the same episode. Over all episodes: accuracy
 * on the support classes' queries, and how well the best score tells those queries from the
 * others': the false-positive rate at the threshold that keeps 90% of support-class queries, and
 * the area under the ROC curve.
 *
 * <pre>{@code
 * List<FewShotStudy.Row> rows = FewShotStudy.builder().ways(5).shots(1, 5).episodes(300)
 *         .classifier(PrototypeClassifier::new).classifier(NamClassifier::new)
 *         .build().run(embeddings, labels, 12);
 * }</pre>
 */
public final class FewShotStudy {

    /** Acceptance rates (shares of support-class queries kept) at which the ROC curve is drawn. */
    static final double[] ACCEPTANCE = {0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.99};

    /**
     * One classifier at one N and K.
     *
     * @param accuracy share of support-class queries given their class
     * @param falsePositives share of other-class queries kept at the threshold that keeps 90% of support-class ones
     * @param auroc probability that a support-class query's best score beats an other-class query's
     * @param roc false-positive rate at each of {@link #ACCEPTANCE}
     */
    public record Row(int ways, int shots, String classifier, double accuracy, double falsePositives, double auroc, double[] roc) {
    }

    private final Builder b;

    private FewShotStudy(Builder b) {
        this.b = b;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Runs every K over {@code episodes} episodes; {@code labels[i]} is the class of {@code embeddings[i]}. */
    public List<Row> run(List<float[]> embeddings, int[] labels, int classes) {
        if (2 * b.ways > classes) {
            throw new IllegalArgumentException(b.ways + "-way episodes need " + 2 * b.ways + " classes (N in, N out), there are " + classes);
        }
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < labels.length; i++) {
            byClass.get(labels[i]).add(i);
        }
        List<Row> rows = new ArrayList<>();
        for (int shots : b.shots) {
            rows.addAll(runShots(shots, embeddings, byClass));
        }
        return rows;
    }

    private List<Row> runShots(int shots, List<float[]> embeddings, List<List<Integer>> byClass) {
        int n = b.classifiers.size();
        List<List<Double>> in = new ArrayList<>();
        List<List<Double>> out = new ArrayList<>();
        int[] right = new int[n];
        int asked = 0;
        for (int i = 0; i < n; i++) {
            in.add(new ArrayList<>());
            out.add(new ArrayList<>());
        }
        Rng rng = new Rng(b.seed * 31 + shots);
        for (int e = 0; e < b.episodes; e++) {
            Episode episode = Episode.draw(rng, byClass, b.ways, shots, b.queries);
            for (int k = 0; k < n; k++) {
                right[k] += episode.run(b.classifiers.get(k).get(), embeddings, in.get(k), out.get(k));
            }
            asked += episode.asked();
        }
        List<Row> rows = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            double[] ins = unbox(in.get(k));
            double[] outs = unbox(out.get(k));
            double[] roc = new double[ACCEPTANCE.length];
            for (int a = 0; a < ACCEPTANCE.length; a++) {
                roc[a] = falsePositives(ins, outs, ACCEPTANCE[a]);
            }
            rows.add(new Row(b.ways, shots, b.classifiers.get(k).get().name(), (double) right[k] / asked,
                    falsePositives(ins, outs, 0.9), auroc(ins, outs), roc));
        }
        return rows;
    }

    /** The share of {@code outs} at or above the threshold that keeps {@code keep} of {@code ins}. */
    static double falsePositives(double[] ins, double[] outs, double keep) {
        double[] sorted = ins.clone();
        Arrays.sort(sorted);
        // keeping a share k of n scores: the threshold is the floor((1 - k) n)-th smallest (counting from 0)
        double threshold = sorted[Math.min(sorted.length - 1, (int) Math.floor((1 - keep) * sorted.length + 1e-9))];
        int above = 0;
        for (double o : outs) {
            above += o >= threshold ? 1 : 0;
        }
        return (double) above / outs.length;
    }

    /** P(in > out) + P(in = out) / 2, over all pairs (Mann-Whitney), by sorting. */
    static double auroc(double[] ins, double[] outs) {
        double[] o = outs.clone();
        Arrays.sort(o);
        double wins = 0;
        for (double v : ins) {
            int below = lowerBound(o, v);
            int notAbove = upperBound(o, v);
            wins += below + (notAbove - below) / 2.0;
        }
        return wins / ((double) ins.length * outs.length);
    }

    private static int lowerBound(double[] a, double v) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int upperBound(double[] a, double v) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static double[] unbox(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The rows as a Markdown table. */
    public static String markdown(List<Row> rows) {
        StringBuilder s = new StringBuilder("| N-way K-shot | classifier | accuracy | false positives at 90% kept | AUROC |\n|---|---|---|---|---|\n");
        for (Row r : rows) {
            s.append(String.format(Locale.ROOT, "| %d-way %d-shot | %s | %.3f | %.3f | %.3f |%n", r.ways(), r.shots(),
                    r.classifier(), r.accuracy(), r.falsePositives(), r.auroc()));
        }
        return s.toString();
    }

    /** Every row with its ROC points, as CSV. */
    public static String csv(List<Row> rows) {
        StringBuilder s = new StringBuilder("ways,shots,classifier,accuracy,false_positives_at_90,auroc");
        for (double a : ACCEPTANCE) {
            s.append(String.format(Locale.ROOT, ",fpr_at_%.2f", a));
        }
        s.append('\n');
        for (Row r : rows) {
            s.append(String.format(Locale.ROOT, "%d,%d,\"%s\",%.4f,%.4f,%.4f", r.ways(), r.shots(), r.classifier(), r.accuracy(),
                    r.falsePositives(), r.auroc()));
            for (double f : r.roc()) {
                s.append(String.format(Locale.ROOT, ",%.4f", f));
            }
            s.append('\n');
        }
        return s.toString();
    }

    /** False-positive rate against the share of support-class queries kept: one line per classifier and K. */
    public static LineChart chart(List<Row> rows, String title) {
        LineChart.Builder chart = LineChart.builder().title(title).xLabel("support-class queries kept (share)")
                .yLabel("other-class queries kept (false positives)").yRange(0, 1);
        List<String> names = rows.stream().map(Row::classifier).distinct().toList();
        int firstShots = rows.get(0).shots();
        for (Row r : rows) {
            chart.series(r.classifier() + ", " + r.shots() + "-shot", ACCEPTANCE, r.roc(), r.shots() != firstShots,
                    names.indexOf(r.classifier()));
        }
        return chart.build();
    }

    public static final class Builder {
        private int ways = 5;
        private int[] shots = {1, 5};
        private int queries = 5;
        private int episodes = 300;
        private long seed = 1;
        private final List<Supplier<FewShotClassifier>> classifiers = new ArrayList<>();

        private Builder() {
        }

        /** N, the classes of a support set (and as many other classes queried). Default 5. */
        public Builder ways(int n) {
            this.ways = positive(n, "ways");
            return this;
        }

        /** The K to run, each a set of episodes of its own. Default 1 and 5. */
        public Builder shots(int... k) {
            for (int s : k) {
                positive(s, "shots");
            }
            this.shots = k.clone();
            return this;
        }

        /** Queries per class per episode. Default 5. */
        public Builder queries(int q) {
            this.queries = positive(q, "queries");
            return this;
        }

        public Builder episodes(int n) {
            this.episodes = positive(n, "episodes");
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** A classifier to score (a fresh one per episode). */
        public Builder classifier(Supplier<FewShotClassifier> c) {
            classifiers.add(c);
            return this;
        }

        public FewShotStudy build() {
            if (classifiers.isEmpty()) {
                throw new IllegalStateException("no classifier to score");
            }
            return new FewShotStudy(this);
        }

        private static int positive(int n, String name) {
            if (n < 1) {
                throw new IllegalArgumentException(name + " = " + n + " must be positive");
            }
            return n;
        }
    }
}
