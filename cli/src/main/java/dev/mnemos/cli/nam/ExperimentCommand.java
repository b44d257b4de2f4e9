package dev.mnemos.cli.nam;

import dev.mnemos.cli.Cli;
import dev.mnemos.cli.OutputPaths;
import dev.mnemos.nam.experiment.LengthGeneralisation;
import dev.mnemos.nam.experiment.Report;
import dev.mnemos.nam.experiment.RunResult;
import dev.mnemos.nam.model.ModelKind;
import dev.mnemos.nam.task.Task;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "experiment", addMethodSubcommands = false, mixinStandardHelpOptions = true,
        header = "The length-generalisation comparison of nam/README.md: LSAM, NAM-TM, the LSTM and the memory cells.",
        description = {"For each task (reverse, copy, add, reduce, recall, hops), model (lsam, namtm, lstm, delta, mlstm, "
                + "shm) and seed: train on sizes 1..N with the same step budget and about the same number of weights, "
                + "then score at N, 2N and 4N. Writes length-generalisation.md, .csv and one SVG chart per task into "
                + "--out, prints the table and the wall time. Training steps are batched (one size per step) unless "
                + "--no-batched.",
            "Example: bin/nam experiment --steps 1000 --seeds 1   (files into the current directory)", ""})
final class ExperimentCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--n", defaultValue = "5", description = "Largest training size N. Default: ${DEFAULT-VALUE}.")
    int n;

    @Option(names = "--steps", defaultValue = "4000", description = "Training steps per run. Default: ${DEFAULT-VALUE}.")
    int steps;

    @Option(names = "--batch", defaultValue = "8", description = "Sequences per step. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--seeds", defaultValue = "3", description = "Seeds per task and model. Default: ${DEFAULT-VALUE}.")
    int seeds;

    @Option(names = "--sequences", defaultValue = "200", description = "Test problems per size. Default: ${DEFAULT-VALUE}.")
    int sequences;

    @Option(names = "--threads", defaultValue = "2", description = "Runs at a time. Default: ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--tasks", split = ",", description = "Tasks to run. Default: all six.")
    List<String> tasks;

    @Option(names = "--models", split = ",", description = "Models to run. Default: all six.")
    List<String> models;

    @Option(names = "--batched", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Batched training steps (--no-batched: one sequence after the other, each of its own size).")
    boolean batched;

    @Option(names = "--out", defaultValue = ".", paramLabel = "DIR",
            description = "An existing directory for the table, CSV and charts. Default: the current directory.")
    Path out;

    @Override
    public Integer call() throws Exception {
        Cli.atLeast("--n", n, 1);
        Cli.atLeast("--steps", steps, 1);
        Cli.atLeast("--batch", batch, 1);
        Cli.atLeast("--seeds", seeds, 1);
        Cli.atLeast("--sequences", sequences, 1);
        Cli.atLeast("--threads", threads, 1);
        OutputPaths.checkDirectory(out);
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();
        LengthGeneralisation.Builder experiment = LengthGeneralisation.builder().maxLength(n).steps(steps).batchSize(batch)
                .seeds(seeds).evaluations(sequences).threads(threads).batched(batched);
        if (tasks != null) {
            experiment.tasks(Usage.of(() -> tasks.stream().map(Task::named).toList()));
        }
        if (models != null) {
            experiment.models(Usage.of(() -> models.stream().map(ModelKind::named).toList()));
        }
        List<RunResult> runs = experiment.build()
                .run(r -> {
                    err.printf(Locale.ROOT, "%s %s seed %d: %.2f / %.2f / %.2f (%.1f s)%n", r.task(), r.model(), r.seed(),
                            r.scores().get(0).sequenceAccuracy(), r.scores().get(1).sequenceAccuracy(),
                            r.scores().get(2).sequenceAccuracy(), r.seconds());
                    err.flush();
                });
        Report report = new Report(runs);
        OutputPaths.write(out, () -> report.write(out));
        spec.commandLine().getOut().print(report.markdown());
        spec.commandLine().getOut().printf(Locale.ROOT, "wall time %.0f s, %s on %s; files in %s%n",
                (System.nanoTime() - start) / 1e9, Cli.count(runs.size(), "run"), Cli.count(threads, "thread"), out);
        return 0;
    }
}
