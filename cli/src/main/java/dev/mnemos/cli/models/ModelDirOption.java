package dev.mnemos.cli.models;

import dev.mnemos.llama.models.ModelDirectory;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The --model-dir option of the models commands (a picocli mixin). */
public class ModelDirOption {

    @Option(names = "--model-dir", paramLabel = "DIR",
            description = "The model directory. Default: $MNEMOS_MODEL_DIR, else ${XDG_CACHE_HOME:-~/.cache}/mnemos/models.")
    Path dir;

    ModelDirectory directory() {
        return dir == null ? ModelDirectory.fromEnvironment() : new ModelDirectory(dir);
    }
}
