package dev.mnemos.cli.poem;

import dev.mnemos.cli.Cli;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code poem}: learn the order of few-shot examples from rewards, and use it. */
@Command(name = "poem", addMethodSubcommands = false, mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = {
                "POEM: an episodic memory that learns which order of few-shot examples earns the best answers.",
                "",
                "  poem train --data samples/poem/reviews.jsonl --model llama3.2 --memory reviews.poem",
                "  poem eval  --data samples/poem/reviews.jsonl --model llama3.2 --memory reviews.poem",
                "  poem select --memory reviews.poem --query \"The room was freezing.\"",
                "  poem feedback --memory reviews.poem --query \"The room was freezing.\" --order '[4,2,3,1]' --reward 1"},
        subcommands = {TrainCommand.class, TuneCommand.class, EvalCommand.class, SelectCommand.class, FeedbackCommand.class, CopyCommand.class, CommandLine.HelpCommand.class})
public final class PoemCommand implements java.util.concurrent.Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Without a subcommand: the usage on stderr, and a usage error (2), not success. */
    @Override
    public Integer call() {
        return Cli.subcommandMissing(spec);
    }

    public static void main(String[] args) {
        Cli.main(new PoemCommand(), args);
    }
}
