package dev.mnemos.cli.poem;

import dev.mnemos.poem.memory.Weighting;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** How the memory is read (a picocli mixin); unset values come from the memory file, else the defaults. */
@Command(addMethodSubcommands = false) // (see Cli: no scan of its methods for subcommands at start-up)
public class ReadOptions {

    @Option(names = "--m", paramLabel = "M", description = "Examples (shots) per prompt. Default: 4, or the memory file's.")
    Integer m;

    @Option(names = "--k", paramLabel = "K", description = "Stored queries (neighbours) read per query. Default: 5, or the memory file's.")
    Integer k;

    @Option(names = "--weighting", paramLabel = "W",
            description = "How neighbours' rewards add up: similarity (cosine-weighted) or plain. Default: similarity, or the memory file's.")
    Weighting weighting;
}
