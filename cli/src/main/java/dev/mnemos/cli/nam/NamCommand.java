package dev.mnemos.cli.nam;

import dev.mnemos.cli.Cli;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** {@code bin/nam}: the studies and charts of the nam module. */
@Command(name = "nam", addMethodSubcommands = false, mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = {"Neural Attention Memory tools: the studies and charts of nam/README.md.",
            "Outputs go to the current directory unless an option names a file or folder (the charts tracked in "
                + "nam/docs are written only when named). The directory an output goes into must exist.", ""},
        subcommands = {TrainCommand.class, EvalCommand.class, ExperimentCommand.class, CapacityCommand.class, PoemCompareCommand.class,
            ScalingChartCommand.class, FactsCommand.class, FewShotCommand.class, CommandLine.HelpCommand.class})
public final class NamCommand implements java.util.concurrent.Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Without a subcommand: a usage error (2), the usage on standard error. */
    @Override
    public Integer call() {
        return dev.mnemos.cli.Cli.subcommandMissing(spec);
    }

    public static void main(String[] args) {
        Cli.main(new NamCommand(), args);
    }

}
