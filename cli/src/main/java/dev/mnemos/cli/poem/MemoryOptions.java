package dev.mnemos.cli.poem;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** POEM's training hyper-parameters (a picocli mixin), besides how the memory is read. */
@Command(addMethodSubcommands = false) // (see Cli: no scan of its methods for subcommands at start-up)
public class MemoryOptions extends ReadOptions {

    @Option(names = "--orders", paramLabel = "T", description = "Orders tried per training query; all of them when m! <= T. Default: 8.")
    Integer orders;

    @Option(names = "--capacity", paramLabel = "L", description = "Most entries the memory keeps; the oldest go first. Default: 100000.")
    Integer capacity;
}
