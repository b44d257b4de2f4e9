package dev.mnemos.poem.cli;

import dev.mnemos.poem.memory.Weighting;
import picocli.CommandLine.Option;

/** POEM's hyper-parameters (a picocli mixin); unset ones come from the memory file, else the defaults. */
public class MemoryOptions {

    @Option(names = "--m", paramLabel = "M", description = "Examples (shots) per prompt. Default: 4.")
    Integer m;

    @Option(names = "--k", paramLabel = "K", description = "Stored queries (neighbours) read per query. Default: 5.")
    Integer k;

    @Option(names = "--orders", paramLabel = "T", description = "Orders tried per training query; all of them when m! <= T. Default: 8.")
    Integer orders;

    @Option(names = "--capacity", paramLabel = "L", description = "Most entries the memory keeps; the oldest go first. Default: 100000.")
    Integer capacity;

    @Option(names = "--weighting", paramLabel = "W",
            description = "How neighbours' rewards add up: similarity (cosine-weighted) or plain. Default: similarity.")
    Weighting weighting;
}
