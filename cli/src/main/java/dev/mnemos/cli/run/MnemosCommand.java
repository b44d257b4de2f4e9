package dev.mnemos.cli.run;

import dev.mnemos.cli.Cli;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code mnemos}: the string-memory runtime's command. */
@Command(name = "mnemos", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = "Runs string-memory programs: an LLM as the processor of a stored-program computer.",
        subcommands = {RunCommand.class, dev.mnemos.cli.models.ModelsCommand.class, CommandLine.HelpCommand.class})
public final class MnemosCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    public static void main(String[] args) {
        Cli.main(new MnemosCommand(), args);
    }
}
