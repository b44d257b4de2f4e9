package dev.mnemos.nam.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bin/nam}: the studies and charts of the nam module. */
@Command(name = "nam", mixinStandardHelpOptions = true, version = "nam 0.1.0",
        description = "Neural Attention Memory tools: the capacity study and the charts in nam/README.md.",
        subcommands = {CapacityCommand.class, PoemCompareCommand.class, ScalingChartCommand.class, CommandLine.HelpCommand.class})
public final class NamCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new NamCommand()).execute(args));
    }
}
