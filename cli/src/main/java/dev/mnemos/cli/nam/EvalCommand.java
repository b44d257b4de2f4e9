package dev.mnemos.cli.nam;

import dev.mnemos.cli.Cli;
import dev.mnemos.cli.ExitCode;
import dev.mnemos.nam.model.SequenceModel;
import dev.mnemos.nam.store.NamFile;
import dev.mnemos.nam.task.Task;
import dev.mnemos.nam.train.Checkpoint;
import dev.mnemos.nam.train.Evaluation;
import dev.mnemos.nam.train.ModelFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "eval", addMethodSubcommands = false, mixinStandardHelpOptions = true,
        header = "Length-generalisation table of a trained model: accuracy at N, 2N and 4N.",
        description = {"Scores a model written by 'nam train' (or a training checkpoint, which knows its task and N) "
                + "on fresh problems of sizes N, 2N and 4N: the share of sequences answered entirely right and "
                + "the share of answer tokens right.",
            "Example: bin/nam eval reverse-namtm.model --task reverse --n 5", ""})
final class EvalCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "A model file or a checkpoint.")
    Path file;

    @Option(names = "--task", description = "The task (required for a model file; a checkpoint knows it).")
    String task;

    @Option(names = "--n", description = "The training size N (required for a model file).")
    Integer n;

    @Option(names = "--sequences", defaultValue = "200", description = "Test problems per size. Default: ${DEFAULT-VALUE}.")
    int sequences;

    @Option(names = "--seed", defaultValue = "7", description = "Seed of the test problems. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Override
    public Integer call() throws Exception {
        Cli.atLeast("--sequences", sequences, 1);
        SequenceModel model;
        String taskName = task;
        Integer size = n;
        if (NamFile.kind(file).equals(Checkpoint.KIND)) {
            Checkpoint c = Checkpoint.load(file);
            model = c.trainer().model();
            taskName = taskName != null ? taskName : c.setup().task();
            size = size != null ? size : c.setup().maxLength();
        } else {
            model = ModelFile.load(file);
        }
        if (taskName == null || size == null) {
            throw new Cli.Failure(ExitCode.USAGE, "a model file needs --task and --n");
        }
        Task t = Task.named(taskName);
        if (t.inputSize() != model.spec().inputs() || t.outputSize() != model.spec().outputs()) {
            throw new Cli.Failure(ExitCode.USAGE, file + " was not trained on " + t.name() + " (" + model.spec().inputs()
                    + " inputs and " + model.spec().outputs() + " outputs, the task has " + t.inputSize() + " and "
                    + t.outputSize() + ")");
        }
        Cli.atLeast("--n", size, 1);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%s, %s (%d weights), trained on sizes 1..%d%n", t.name(), model.spec().kind(),
                model.params().count(), size);
        out.println("| size | sequence accuracy | token accuracy |");
        out.println("|---|---|---|");
        for (int factor : new int[] {1, 2, 4}) {
            Evaluation e = Evaluation.of(model, t, factor * size, sequences, seed + factor);
            out.printf(Locale.ROOT, "| %d (%s) | %.3f | %.3f |%n", e.size(), factor == 1 ? "N" : factor + "N",
                    e.sequenceAccuracy(), e.tokenAccuracy());
        }
        return 0;
    }
}
