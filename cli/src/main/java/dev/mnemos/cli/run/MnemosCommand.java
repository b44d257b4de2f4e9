package dev.mnemos.cli.run;

import dev.mnemos.cli.Cli;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code mnemos}: the string-memory runtime's command. */
@Command(name = "mnemos", addMethodSubcommands = false, mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = "Runs string-memory programs: an LLM as the processor of a stored-program computer.",
        subcommands = {RunCommand.class, dev.mnemos.cli.models.ModelsCommand.class, CommandLine.HelpCommand.class})
public final class MnemosCommand implements java.util.concurrent.Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Without a subcommand: a usage error (2), the usage on standard error. */
    @Override
    public Integer call() {
        return dev.mnemos.cli.Cli.subcommandMissing(spec);
    }

    public static void main(String[] args) {
        Cli.main(new MnemosCommand(), args);
    }
}
