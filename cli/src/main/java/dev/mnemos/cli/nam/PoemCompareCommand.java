package dev.mnemos.cli.nam;

import dev.mnemos.poem.data.JsonLinesReader;
import dev.mnemos.poem.nam.PoemComparison;
import dev.mnemos.poem.prompt.Task;
import dev.mnemos.poem.sim.SimulatedModel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "poem-compare", addMethodSubcommands = false, mixinStandardHelpOptions = true,
        header = "POEM: the NAM estimator against the k-NN memory in poem's evaluation.",
        description = {"Trains POEM's k-NN memory and the NAM estimator on the same episodes, asking a simulated "
                + "model that answers with the label of the last example with probability --p-last (otherwise "
                + "with the majority label), then scores both with poem's evaluator and its baselines on the "
                + "held-out split.",
            "Prints the accuracy table and the memory each estimator holds as training goes on.",
            "Example: bin/nam poem-compare --data samples/poem/topics.jsonl --p-last 0.6", ""})
final class PoemCompareCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", defaultValue = "samples/poem/reviews.jsonl",
            description = "Labelled examples, JSON lines with a train/test split. Default: ${DEFAULT-VALUE}.")
    Path data;

    @Option(names = "--task", description = "Task file; default the data file with .task.json instead of .jsonl.")
    Path task;

    @Option(names = "--p-last", defaultValue = "0.9",
            description = "How often the simulated model answers with the last example's label. Default: ${DEFAULT-VALUE}.")
    double pLast;

    @Option(names = "--m", paramLabel = "M", defaultValue = "4", description = "Shots per prompt. Default: ${DEFAULT-VALUE}.")
    int m;

    @Option(names = "--orders", paramLabel = "T", defaultValue = "8", description = "Orders tried per training query. Default: ${DEFAULT-VALUE}.")
    int orders;

    @Option(names = "--k", paramLabel = "K", defaultValue = "5", description = "Neighbours of the k-NN memory. Default: ${DEFAULT-VALUE}.")
    int k;

    @Option(names = "--p-w", defaultValue = "0.1", description = "NAM write probability. Default: ${DEFAULT-VALUE}.")
    float pw;

    @Option(names = "--p-e", defaultValue = "0.1", description = "NAM erase probability. Default: ${DEFAULT-VALUE}.")
    float pe;

    @Option(names = "--seed", defaultValue = "7", description = "Seed of training orders and the random baseline. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Override
    public Integer call() throws Exception {
        Path taskFile = task != null ? task : Path.of(data.toString().replaceFirst("\\.jsonl$", "") + ".task.json");
        for (Path p : new Path[] {data, taskFile}) {
            if (!Files.isRegularFile(p)) {
                throw new NoSuchFileException(p.toString());
            }
        }
        PoemComparison.Result result = PoemComparison.builder()
                .data(new JsonLinesReader(0.5, seed).read(data)).task(Task.read(taskFile))
                .model(new SimulatedModel(pLast, 42)).m(m).orders(orders).k(k).writing(pw, pe).seed(seed)
                .build().run();
        spec.commandLine().getOut().print(result.report().table());
        spec.commandLine().getOut().println();
        spec.commandLine().getOut().print(result.growthTable());
        return 0;
    }
}
