package dev.mnemos.cli.nam;

import dev.mnemos.cli.Cli;
import dev.mnemos.cli.ExitCode;
import dev.mnemos.cli.OutputPaths;
import dev.mnemos.cli.Signals;
import dev.mnemos.nam.experiment.ModelSizes;
import dev.mnemos.nam.model.ModelKind;
import dev.mnemos.nam.model.ModelSpec;
import dev.mnemos.nam.model.SequenceModel;
import dev.mnemos.nam.task.Task;
import dev.mnemos.nam.train.Checkpoint;
import dev.mnemos.nam.train.Evaluation;
import dev.mnemos.nam.train.ModelFile;
import dev.mnemos.nam.train.Models;
import dev.mnemos.nam.train.TrainingRun;
import dev.mnemos.nam.train.TrainingSetup;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "train", addMethodSubcommands = false, mixinStandardHelpOptions = true,
        header = "Train LSAM, the NAM Turing machine, the LSTM baseline or a memory cell on an algorithmic task.",
        description = {"Trains on problem sizes 1..N with Adam (gradient norm clipped to 1), saving a checkpoint every "
                + "few seconds and on Ctrl-C; --resume continues from it (also after kill -9) on the same loss "
                + "curve. At the end it writes the model and prints its accuracy at N.",
            "Tasks: reverse, copy, add, reduce, recall, hops. Models: lsam, namtm, lstm, and the memory cells delta, "
                + "mlstm, shm. Sizes: those of nam/README.md's comparison (about the same number of weights for all).",
            "Example: bin/nam train --task reverse --model namtm --steps 1500 --out /tmp/reverse.model", ""})
final class TrainCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--task", description = "reverse, copy, add or reduce (not with --resume).")
    String task;

    @Option(names = "--model", description = "lsam, namtm, lstm, delta, mlstm or shm (not with --resume).")
    String model;

    @Option(names = "--n", defaultValue = "5", description = "Largest training problem size N. Default: ${DEFAULT-VALUE}.")
    int n;

    @Option(names = "--steps", description = "Training steps in all (with --resume: the new total). Default: 1500.")
    Long steps;

    @Option(names = "--batch", defaultValue = "8", description = "Sequences per step. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--lr", defaultValue = "0.01", description = "Adam's learning rate. Default: ${DEFAULT-VALUE}.")
    double lr;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the weights and the data. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--checkpoint", description = "Checkpoint file. Default: TASK-MODEL.ckpt.")
    Path checkpoint;

    @Option(names = "--checkpoint-every", defaultValue = "5", description = "Seconds between checkpoints. Default: ${DEFAULT-VALUE}.")
    double checkpointEvery;

    @Option(names = "--resume", description = "Continue the run saved in the checkpoint.")
    boolean resume;

    @Option(names = "--restart", description = "Start a new run even where the checkpoint holds an unfinished one "
            + "(it is replaced). A finished run's checkpoint is replaced without it.")
    boolean restart;

    @Option(names = "--out", description = "Where to write the trained model. Default: TASK-MODEL.model.")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (!(checkpointEvery > 0)) {
            throw new Cli.Failure(ExitCode.USAGE, "--checkpoint-every must be positive, got " + checkpointEvery);
        }
        Duration every = Duration.ofMillis((long) (checkpointEvery * 1000));
        TrainingRun run = resume ? resumed(every) : fresh(every);
        String name = run.setup().task() + "-" + run.trainer().model().spec().kind();
        Path modelFile = OutputPaths.check(out != null ? out : Path.of(name + ".model"));
        OutputPaths.check(checkpoint);
        PrintWriter err = spec.commandLine().getErr();
        Progress progress = new Progress(err, dev.mnemos.cli.ProgressLine.stderrIsTerminal());
        AtomicBoolean stop = new AtomicBoolean();
        boolean[] finished = new boolean[1];
        try (Signals.Registration onSignal = Signals.whileRunning(() -> stop.set(true))) {
            OutputPaths.write(checkpoint, () -> finished[0] = run.run(progress, stop::get));
        }
        progress.finish();
        if (!finished[0]) { // a signal: the checkpoint is saved; say where
            err.println("stopped at step " + run.trainer().steps() + "; checkpoint in " + checkpoint
                    + " (go on with --resume --checkpoint " + checkpoint + ")");
            return ExitCode.INTERRUPTED.code();
        }
        SequenceModel trained = run.trainer().model();
        OutputPaths.write(modelFile, () -> ModelFile.save(modelFile, trained));
        Evaluation e = Evaluation.of(trained, Task.named(run.setup().task()), run.setup().maxLength(), 200, 4242);
        spec.commandLine().getOut().printf(Locale.ROOT, "%s, %s: %d steps, sequence accuracy %.3f and token accuracy "
                + "%.3f at N = %d (200 fresh sequences); model in %s%n", run.setup().task(),
                trained.spec().kind(), run.trainer().steps(), e.sequenceAccuracy(), e.tokenAccuracy(),
                run.setup().maxLength(), modelFile);
        return 0;
    }

    private TrainingRun fresh(Duration every) {
        if (task == null || model == null) {
            throw new Cli.Failure(ExitCode.USAGE, "--task and --model are required (or --resume)");
        }
        Task t = Usage.of(() -> Task.named(task));
        ModelSpec modelSpec = Usage.of(() -> ModelSizes.matching(ModelKind.named(model), t));
        Cli.atLeast("--n", n, 1);
        Cli.atLeast("--batch", batch, 1);
        TrainingSetup setup = Usage.of(() -> new TrainingSetup(t.name(), n, batch, lr, 1.0, seed, seed,
                steps == null ? 1500 : Cli.atLeast("--steps", steps, 1)));
        checkpoint = checkpoint != null ? checkpoint : Path.of(t.name() + "-" + modelSpec.kind() + ".ckpt");
        if (Files.exists(checkpoint)) {
            replacing(checkpoint);
        }
        return TrainingRun.start(setup, Models.build(modelSpec, seed), checkpoint, every);
    }

    /**
     * A new run may replace a finished run's checkpoint (saying so), and an unfinished one only with
     * --restart (it offers --resume); a file that is not a checkpoint is never replaced.
     */
    private void replacing(Path file) {
        Checkpoint old;
        try {
            old = Checkpoint.load(file);
        } catch (java.io.IOException e) {
            throw new Cli.Failure(ExitCode.USAGE, file + " exists: --resume to continue that run, or remove it");
        }
        long done = old.trainer().steps();
        long total = old.setup().totalSteps();
        String run = old.setup().task() + ", " + old.trainer().model().spec().kind() + ", " + done + " of " + total + " steps";
        if (done < total && !restart) {
            throw new Cli.Failure(ExitCode.USAGE, file + " holds an unfinished run (" + run + "): --resume --checkpoint "
                    + file + " to continue it, or --restart to start a new run over it");
        }
        spec.commandLine().getErr().println("replacing " + file + " (" + (done < total ? "an unfinished" : "a finished")
                + " run: " + run + ")");
    }

    private TrainingRun resumed(Duration every) throws java.io.IOException {
        if (restart) {
            throw new Cli.Failure(ExitCode.USAGE, "--resume continues a run, --restart starts one over: give one of them");
        }
        if (task != null || model != null) {
            throw new Cli.Failure(ExitCode.USAGE, "--resume takes the task and model from the checkpoint; drop --task and --model");
        }
        if (checkpoint == null) {
            throw new Cli.Failure(ExitCode.USAGE, "--resume needs --checkpoint FILE");
        }
        TrainingRun run = TrainingRun.resume(checkpoint, every);
        if (steps != null) {
            run = run.withTotalSteps(Cli.atLeast("--steps", steps, 1));
        }
        return run;
    }


    /** Step, loss, accuracy, time left: redrawn on a terminal, else one line per tenth of the run. */
    static final class Progress implements TrainingRun.Listener {
        private final PrintWriter err;
        private final boolean terminal;
        private long lastDraw;
        private long lastTenth;
        private boolean drawn;

        Progress(PrintWriter err, boolean terminal) {
            this.err = err;
            this.terminal = terminal;
        }

        @Override
        public void onStep(dev.mnemos.nam.train.Trainer.Step s, long total, double secondsLeft) {
            String line = String.format(Locale.ROOT, "step %d/%d  loss %.4f  accuracy %.3f  %s left", s.step(), total,
                    s.loss(), s.accuracy(), time(secondsLeft));
            if (terminal) {
                long now = System.nanoTime();
                if (now - lastDraw > 250_000_000L || s.step() == total) {
                    lastDraw = now;
                    err.print("\r" + line + "   ");
                    err.flush();
                    drawn = true;
                }
            } else {
                long tenth = s.step() * 10 / total;
                if (tenth > lastTenth) {
                    lastTenth = tenth;
                    err.println(line);
                    err.flush();
                }
            }
        }

        void finish() {
            if (drawn) {
                err.println();
                err.flush();
            }
        }

        private static String time(double seconds) {
            long s = Math.round(seconds);
            return s >= 60 ? (s / 60) + "m " + (s % 60) + "s" : s + "s";
        }
    }
}
