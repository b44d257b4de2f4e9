package dev.mnemos.cli.poem;

import dev.mnemos.cli.Cli;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code poem}: learn the order of few-shot examples from rewards, and use it. */
@Command(name = "poem", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = {
                "POEM: an episodic memory that learns which order of few-shot examples earns the best answers.",
                "",
                "  poem train --data samples/poem/reviews.jsonl --model llama3.2 --memory reviews.poem",
                "  poem eval  --data samples/poem/reviews.jsonl --model llama3.2 --memory reviews.poem",
                "  poem select --memory reviews.poem --query \"The room was freezing.\"",
                "  poem feedback --memory reviews.poem --query \"The room was freezing.\" --order '[4,2,3,1]' --reward 1",
                "",
                "Exit codes: 0 ok, 2 usage, 3 bad data/memory file, 4 server unreachable,"
                        + " 5 model not found, 6 other model failure, 12 a file could not be written, 13 the local engine cannot load, 20 database unreachable,"
                        + " 21 database refused the credentials, 22 database schema too new, 130 interrupted (SIGINT), 143 terminated (SIGTERM)."},
        subcommands = {TrainCommand.class, TuneCommand.class, EvalCommand.class, SelectCommand.class, FeedbackCommand.class, CopyCommand.class, CommandLine.HelpCommand.class})
public final class PoemCommand implements java.util.concurrent.Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Without a subcommand: the usage on stderr, and a usage error (2), not success. */
    @Override
    public Integer call() {
        spec.commandLine().getErr().println("poem: give a subcommand (train, tune, eval, select, feedback or copy)");
        spec.commandLine().usage(spec.commandLine().getErr());
        return dev.mnemos.cli.ExitCode.USAGE.code();
    }

    public static void main(String[] args) {
        Cli.main(new PoemCommand(), args);
    }
}
