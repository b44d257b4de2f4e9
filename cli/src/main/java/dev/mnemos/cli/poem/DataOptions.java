package dev.mnemos.cli.poem;
import dev.mnemos.cli.ExitCode;
import dev.mnemos.cli.Cli;

import dev.mnemos.poem.data.DataException;
import dev.mnemos.poem.data.Dataset;
import dev.mnemos.poem.data.JsonLinesReader;
import dev.mnemos.poem.prompt.Task;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Where the labelled data and its task template come from (a picocli mixin). */
@Command(addMethodSubcommands = false) // (see Cli: no scan of its methods for subcommands at start-up)
public class DataOptions {

    @Option(names = "--data", required = true, paramLabel = "FILE.jsonl",
            description = "Labelled examples, one JSON object a line: {\"input\": ..., \"output\": ..., \"split\": \"train\"|\"test\"}.")
    Path data;

    @Option(names = "--task", paramLabel = "FILE",
            description = "Task template (JSON: instruction, example, query, separator, user, labels). Default: FILE.task.json beside the data"
                    + " (reviews.jsonl -> reviews.task.json) when it exists, else a plain Input/Output template.")
    Path task;

    @Option(names = "--split-ratio", paramLabel = "R",
            description = "Share of examples used for training when the lines have no split field. Default: ${DEFAULT-VALUE}.")
    double splitRatio = 0.8;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the random split, the orders tried and the random baseline. Default: ${DEFAULT-VALUE}.")
    long seed = 1;

    @Option(names = "--limit", paramLabel = "N", description = "Use at most N examples of each split (for a quick run).")
    Integer limit;

    /** The task: the file given, the one beside the data, or a plain template with the data's labels. */
    Task task() throws IOException {
        Path file = task;
        if (file == null) {
            String name = data.getFileName().toString().replaceFirst("\\.jsonl?$", "");
            Path beside = data.resolveSibling(name + ".task.json");
            if (Files.exists(beside)) file = beside;
        }
        if (file == null) return null;
        if (!Files.exists(file)) throw new NoSuchFileException(file + ": no such task file");
        return Task.read(file);
    }

    /** Reads the data, checking outputs against the task's labels; notes about labels go to {@code err}. */
    Dataset read(Task task, PrintWriter err) throws IOException {
        if (!(splitRatio > 0 && splitRatio < 1)) {
            throw new Cli.Failure(ExitCode.USAGE, "--split-ratio must be between 0 and 1 (the share of examples used for training), got " + splitRatio);
        }
        if (!Files.exists(data)) throw new NoSuchFileException(data + ": no such data file");
        List<String> labels = task == null ? List.of() : task.labels();
        Dataset d = new JsonLinesReader(splitRatio, seed).read(data, labels);
        if (limit != null) {
            if (limit < 1) throw new Cli.Failure(ExitCode.USAGE, "--limit must be at least 1, got " + limit);
            d = d.limit(limit, limit);
        }
        if (d.train().isEmpty()) throw new DataException(data + ": no training examples (the pool would be empty)");
        Set<String> inTrain = new LinkedHashSet<>();
        d.train().forEach(e -> inTrain.add(e.output()));
        for (String l : labels) {
            if (d.labels().stream().noneMatch(l::equals)) err.println("note: label \"" + l + "\" of the task never appears in " + data);
        }
        Set<String> missing = new LinkedHashSet<>();
        d.test().forEach(e -> { if (!inTrain.contains(e.output())) missing.add(e.output()); });
        for (String l : missing) {
            err.println("note: label \"" + l + "\" appears in the test split but never in the training pool;"
                    + " no prompt can show the model an example of it");
        }
        return d;
    }
}
