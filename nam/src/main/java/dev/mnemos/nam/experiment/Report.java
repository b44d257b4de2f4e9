package dev.mnemos.nam.experiment;

import dev.mnemos.nam.chart.LineChart;
import dev.mnemos.nam.model.ModelKind;
import dev.mnemos.nam.store.AtomicWrite;
import dev.mnemos.nam.train.Evaluation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The length-generalisation results as a Markdown table (mean and range over seeds per task and
 * model), a CSV of every run, and an SVG chart per task (sequence accuracy against size).
 */
public final class Report {

    private final List<RunResult> runs;

    public Report(List<RunResult> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no runs to report");
        }
        this.runs = List.copyOf(runs);
    }

    /** One row per task and model: weights, then sequence accuracy (and token accuracy) at N, 2N, 4N. */
    public String markdown() {
        int n = runs.get(0).scores().get(0).size();
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "| task | model | weights | seq. acc. N = %d | 2N = %d | 4N = %d | token acc. N | 2N | 4N |%n",
                n, 2 * n, 4 * n));
        s.append("|---|---|---|---|---|---|---|---|---|\n");
        for (Map.Entry<String, List<RunResult>> group : groups().entrySet()) {
            List<RunResult> g = group.getValue();
            s.append("| ").append(g.get(0).task()).append(" | ").append(g.get(0).model().label()).append(" | ")
                    .append(g.get(0).weights());
            for (int i = 0; i < 3; i++) {
                s.append(" | ").append(cell(g, i, true));
            }
            for (int i = 0; i < 3; i++) {
                s.append(" | ").append(cell(g, i, false));
            }
            s.append(" |\n");
        }
        return s.toString();
    }

    /** Every run: task, model, seed, weights, final loss, seconds, then per size its two accuracies. */
    public String csv() {
        StringBuilder s = new StringBuilder("task,model,seed,weights,final_loss,seconds,size,sequence_accuracy,token_accuracy\n");
        for (RunResult r : runs) {
            for (Evaluation e : r.scores()) {
                s.append(String.format(Locale.ROOT, "%s,%s,%d,%d,%.5f,%.1f,%d,%.4f,%.4f%n", r.task(), r.model(), r.seed(),
                        r.weights(), r.finalLoss(), r.seconds(), e.size(), e.sequenceAccuracy(), e.tokenAccuracy()));
            }
        }
        return s.toString();
    }

    /**
     * Writes {@code length-generalisation.md}, {@code .csv} and {@code length-generalisation-TASK.svg}
     * per task into {@code dir} (atomically, mode 0644).
     */
    public List<Path> write(Path dir) throws IOException {
        List<Path> written = new ArrayList<>();
        written.add(write(dir.resolve("length-generalisation.md"), markdown()));
        written.add(write(dir.resolve("length-generalisation.csv"), csv()));
        Set<String> tasks = new LinkedHashSet<>();
        for (RunResult r : runs) {
            tasks.add(r.task());
        }
        for (String task : tasks) {
            Path svg = dir.resolve("length-generalisation-" + task + ".svg");
            written.add(write(svg, chart(task).svg()));
        }
        return written;
    }

    /** Mean sequence accuracy over seeds against size, one line per model. */
    public LineChart chart(String task) {
        LineChart.Builder b = LineChart.builder().title(task + ": trained on sizes 1..N, tested at N, 2N, 4N")
                .xLabel("problem size").yLabel("sequence accuracy (mean of seeds)").yRange(0, 1);
        for (List<RunResult> g : groups().values()) {
            if (!g.get(0).task().equals(task)) {
                continue;
            }
            double[] xs = new double[3];
            double[] ys = new double[3];
            double[] tokens = new double[3];
            for (int i = 0; i < 3; i++) {
                xs[i] = g.get(0).scores().get(i).size();
                ys[i] = mean(g, i, true);
                tokens[i] = mean(g, i, false);
            }
            ModelKind kind = g.get(0).model();
            b.series(kind.label(), xs, ys, false, kind.ordinal());
            b.series(kind.label() + ", token accuracy", xs, tokens, true, kind.ordinal());
        }
        return b.build();
    }

    private Map<String, List<RunResult>> groups() {
        Map<String, List<RunResult>> out = new LinkedHashMap<>();
        for (RunResult r : runs) {
            out.computeIfAbsent(r.task() + "/" + r.model(), k -> new ArrayList<>()).add(r);
        }
        return out;
    }

    private static String cell(List<RunResult> g, int size, boolean sequences) {
        double min = 1;
        double max = 0;
        for (RunResult r : g) {
            double a = accuracy(r, size, sequences);
            min = Math.min(min, a);
            max = Math.max(max, a);
        }
        String mean = String.format(Locale.ROOT, "%.2f", mean(g, size, sequences));
        return g.size() == 1 ? mean : String.format(Locale.ROOT, "%s (%.2f-%.2f)", mean, min, max);
    }

    private static double mean(List<RunResult> g, int size, boolean sequences) {
        double sum = 0;
        for (RunResult r : g) {
            sum += accuracy(r, size, sequences);
        }
        return sum / g.size();
    }

    private static double accuracy(RunResult r, int size, boolean sequences) {
        Evaluation e = r.scores().get(size);
        return sequences ? e.sequenceAccuracy() : e.tokenAccuracy();
    }

    private static Path write(Path file, String text) throws IOException {
        AtomicWrite.write(file, text.getBytes(StandardCharsets.UTF_8));
        return file;
    }
}
