package dev.mnemos.cli.models;

import dev.mnemos.cli.Cli;
import dev.mnemos.cli.ExitCode;
import dev.mnemos.llama.models.ModelDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;

/** The --model-dir option of the models commands (a picocli mixin). */
@Command(addMethodSubcommands = false) // (see Cli: no scan of its methods for subcommands at start-up)
public class ModelDirOption {

    @Option(names = "--model-dir", paramLabel = "DIR",
            description = "The model directory. Default: $MNEMOS_MODEL_DIR, else ${XDG_CACHE_HOME:-~/.cache}/mnemos/models.")
    Path dir;

    /** The directory, or a usage error (2) naming it when it is a file, not a directory. */
    ModelDirectory directory() {
        ModelDirectory models = dir == null ? ModelDirectory.fromEnvironment() : new ModelDirectory(dir);
        if (Files.exists(models.path()) && !Files.isDirectory(models.path())) {
            String from = dir == null ? "the model directory (from $MNEMOS_MODEL_DIR or $XDG_CACHE_HOME) " : "--model-dir ";
            throw new Cli.Failure(ExitCode.USAGE, from + models.path() + " is not a directory");
        }
        return models;
    }
}
