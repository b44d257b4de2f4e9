package dev.mnemos.cli.models;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code mnemos models}: the local models (fetch, list). */
@Command(name = "models", addMethodSubcommands = false, mixinStandardHelpOptions = true,
        description = {"The local backend's models: GGUF files in the model directory,"
                + " ${MNEMOS_MODEL_DIR:-${XDG_CACHE_HOME:-~/.cache}/mnemos/models} unless --model-dir says otherwise.",
                "Known by name: smollm2-135m (SmolLM2-135M-Instruct Q4_1, 98 MB), gemma3-270m (Gemma 3 270M Q4_K_M, 253 MB);"
                        + " any other llama.cpp-compatible GGUF file runs with --model-file PATH or as NAME.gguf in the directory."},
        subcommands = {FetchCommand.class, ListCommand.class, CommandLine.HelpCommand.class})
public final class ModelsCommand implements java.util.concurrent.Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Without a subcommand: a usage error (2), the usage on standard error. */
    @Override
    public Integer call() {
        return dev.mnemos.cli.Cli.subcommandMissing(spec);
    }
}
