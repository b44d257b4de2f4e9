package dev.mnemos.llama.models;

import dev.mnemos.runtime.model.ModelException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where local models live: {@code $MNEMOS_MODEL_DIR}, else {@code ${XDG_CACHE_HOME:-$HOME/.cache}/mnemos/models}
 * (the commands' {@code --model-dir} overrides both). Resolves a {@code --model} value to a file:
 * a path to a {@code .gguf} file as it is, a catalog name ({@code smollm2-135m}) to its file here,
 * any other name to {@code NAME.gguf} here.
 */
public final class ModelDirectory {

    /** Environment variable naming the model directory. */
    public static final String ENV = "MNEMOS_MODEL_DIR";

    private final Path dir;

    public ModelDirectory(Path dir) {
        this.dir = dir;
    }

    /** The directory the environment names (see the class comment). */
    public static ModelDirectory fromEnvironment() {
        return new ModelDirectory(defaultPath(System.getenv()));
    }

    /** The model directory for these environment variables. */
    public static Path defaultPath(Map<String, String> env) {
        String explicit = env.get(ENV);
        if (explicit != null && !explicit.isBlank()) return Path.of(explicit);
        return cacheRoot(env).resolve("models");
    }

    /** {@code ${XDG_CACHE_HOME:-$HOME/.cache}/mnemos}: the models, and the native library's copy. */
    public static Path cacheRoot() {
        return cacheRoot(System.getenv());
    }

    static Path cacheRoot(Map<String, String> env) {
        String xdg = env.get("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("mnemos");
    }

    public Path path() {
        return dir;
    }

    /** Whether a {@code --model} value given without {@code --backend} names a local model. */
    public boolean claims(String model) {
        if (model == null || model.isBlank()) return false;
        if (model.endsWith(".gguf")) return true;
        if (ModelCatalog.byName(model).isPresent()) return true;
        return !model.contains("/") && !model.contains(":") && Files.isRegularFile(dir.resolve(model + ".gguf"));
    }

    /**
     * The file of a {@code --model} value.
     *
     * @throws ModelException MODEL_NOT_FOUND, saying how to fetch a catalog model
     */
    public Path resolve(String model) throws ModelException {
        if (model.endsWith(".gguf") || model.contains("/")) return Path.of(model);
        var known = ModelCatalog.byName(model);
        Path file = dir.resolve(known.map(ModelCatalog.Model::fileName).orElse(model + ".gguf"));
        if (Files.isRegularFile(file)) return file;
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new ModelException(ModelException.Kind.MODEL_NOT_FOUND, "model " + model + ": the model directory " + dir
                    + " is not a directory (it comes from $" + ENV + ", else ${XDG_CACHE_HOME:-~/.cache}/mnemos/models)");
        }
        String how = known.isPresent() ? "fetch it with `bin/mnemos models fetch " + model + "`"
                : "put NAME.gguf there, pass --model-file PATH, or name one of " + ModelCatalog.names();
        throw new ModelException(ModelException.Kind.MODEL_NOT_FOUND, "model " + model + " is not in " + dir + ": " + how);
    }

    /** The {@code .gguf} files here, by name. */
    public List<Path> files() throws IOException {
        if (!Files.isDirectory(dir)) return List.of();
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> p.getFileName().toString().endsWith(".gguf") && Files.isRegularFile(p)).sorted().forEach(out::add);
        }
        return out;
    }

    /** A file in the model directory, as {@code models list} shows it. */
    public record Entry(Path file, long size, String model, String status) {

        /** Whether the file has a catalog model's name but not its contents ({@link ModelFetcher#fetch} replaces it). */
        public boolean differs() {
            return status.equals(SHA256_DIFFERS);
        }
    }

    /** The state of a catalog file name with other contents. */
    public static final String SHA256_DIFFERS = "SHA-256 differs";

    /**
     * The {@code .gguf} files here with their state: {@code verified} (a catalog model whose
     * SHA-256 is the pinned one), {@code SHA-256 differs} (a catalog file name with other contents),
     * or {@code not in the catalog} (any other GGUF file; run it with --model NAME).
     */
    public List<Entry> list() throws IOException {
        List<Entry> out = new ArrayList<>();
        for (Path f : files()) {
            String fileName = f.getFileName().toString();
            var known = ModelCatalog.byFileName(fileName);
            String model = known.map(ModelCatalog.Model::name).orElse(fileName.substring(0, fileName.length() - ".gguf".length()));
            String status = known.isEmpty() ? "not in the catalog"
                    : Verification.verified(f, known.get().sha256()) ? "verified" : SHA256_DIFFERS;
            out.add(new Entry(f, Files.size(f), model, status));
        }
        return out;
    }
}
