package dev.mnemos.llama;

import dev.mnemos.llama.models.ModelCatalog;
import dev.mnemos.llama.models.ModelDirectory;
import dev.mnemos.llama.models.Sha256;
import dev.mnemos.runtime.model.ModelException;
import dev.mnemos.runtime.model.ProcessorConfig;
import dev.mnemos.runtime.model.UncheckedModelException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The local backend's settings, read from a {@link ProcessorConfig}: its model (a catalog name, a
 * name in the model directory, or a path to a {@code .gguf} file) and its own options
 * ({@link ProcessorConfig#option(String)}), each with its default:
 *
 * <ul>
 *   <li>{@code threads}: CPU threads for decoding, at most {@value #MAX_THREADS}; default the number of cores. Part of the
 *       fingerprint: answers at temperature 0 are reproducible for a fixed count.</li>
 *   <li>{@code context}: the context in tokens (prompt and answer together); default 4096.</li>
 *   <li>(the config's max tokens: default {@value #DEFAULT_MAX_TOKENS} here, not unbounded)</li>
 *   <li>{@code grammar}: a GBNF grammar (text) that constrains decoding; {@code grammar-file}: the
 *       same read from a file. Checked before use ({@link Grammar}).</li>
 *   <li>{@code chat-template}: {@code gemma} or {@code chatml} to format the chat style in place
 *       of the model file's own template; catalog models that need one have it by default.</li>
 *   <li>{@code seed}: the sampler's seed when the temperature is above 0; default random.</li>
 *   <li>{@code model-dir}: the model directory; default {@link ModelDirectory#fromEnvironment()}.</li>
 * </ul>
 *
 * @param file          the GGUF file
 * @param grammarSha256 the grammar's SHA-256 (the fingerprint holds it, not the text), or null
 */
record LocalSettings(String model, Path file, int threads, int context, String grammar, String grammarSha256,
                     String chatTemplate, Integer seed) {

    static final int DEFAULT_CONTEXT = 4096;
    /** llama.cpp's bound on threads (ggml's GGML_MAX_N_THREADS); 1,024 of them crash the JVM in native code. */
    static final int MAX_THREADS = 512;
    /** The answer's bound when the config sets none ({@link LocalProvider#DEFAULT_MAX_TOKENS}). */
    static final int DEFAULT_MAX_TOKENS = LocalProvider.DEFAULT_MAX_TOKENS;

    /** Reads and checks the settings; the model file is located but not opened. */
    static LocalSettings from(ProcessorConfig config) throws ModelException {
        String model = config.model();
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("the local backend needs a model: --model " + ModelCatalog.SMOLLM2_135M.name()
                    + " (one of " + ModelCatalog.names() + ") or --model-file PATH.gguf");
        }
        String dir = config.option("model-dir");
        ModelDirectory models = dir == null ? ModelDirectory.fromEnvironment() : new ModelDirectory(Path.of(dir));
        Path file = models.resolve(model);
        int threads = positive(config, "threads", Runtime.getRuntime().availableProcessors());
        if (threads > MAX_THREADS) {
            throw new IllegalArgumentException("threads must be at most " + MAX_THREADS + " (llama.cpp's limit), got " + threads);
        }
        int context = positive(config, "context", DEFAULT_CONTEXT);
        String grammar = grammar(config);
        String template = config.option("chat-template");
        if (template == null) template = ModelCatalog.byName(model).map(ModelCatalog.Model::chatTemplate).orElse(null);
        if (template != null && !template.equals("gemma") && !template.equals("chatml")) {
            throw new IllegalArgumentException("chat-template must be gemma or chatml (or unset: the model file's own), not '" + template + "'");
        }
        String seed = config.option("seed");
        return new LocalSettings(model, file, threads, context, grammar, grammar == null ? null : Sha256.of(grammar), template,
                seed == null ? null : integer("seed", seed));
    }

    /** The settings of {@code config} and their model, loaded; a failure as an {@link UncheckedModelException}. */
    static Loaded load(ProcessorConfig config) {
        try {
            LocalSettings settings = from(config);
            return new Loaded(settings, Engine.of(settings));
        } catch (ModelException e) {
            throw new UncheckedModelException(e);
        }
    }

    /** Settings and the model they name. */
    record Loaded(LocalSettings settings, Engine engine) {}

    /** The config's fingerprint with the grammar's text replaced by its hash, and the defaults spelled out. */
    String fingerprint(ProcessorConfig config) {
        ProcessorConfig.Builder b = config.toBuilder().backend(LocalProvider.NAME).maxTokens(maxTokens(config.maxTokens()))
                .option("threads", Integer.toString(threads)).option("context", Integer.toString(context))
                .option("grammar", grammarSha256 == null ? null : "sha256:" + grammarSha256).option("grammar-file", null)
                .option("model-dir", null);
        return b.build().fingerprint();
    }

    /** The answer's bound: the one given, else {@link #DEFAULT_MAX_TOKENS}. */
    static int maxTokens(Integer given) {
        return given == null ? DEFAULT_MAX_TOKENS : given;
    }

    private static String grammar(ProcessorConfig config) throws ModelException {
        String file = config.option("grammar-file");
        if (file == null) {
            String text = config.option("grammar");
            if (text == null) return null;
            return checked(text, "the grammar");
        }
        try {
            return checked(Files.readString(Path.of(file), StandardCharsets.UTF_8), file);
        } catch (IOException e) {
            throw new ModelException(ModelException.Kind.BAD_FILE, file + ": cannot read the grammar: "
                    + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()), e);
        }
    }

    private static String checked(String text, String source) throws ModelException {
        try {
            return Grammar.check(text, source);
        } catch (IllegalArgumentException e) {
            throw new ModelException(ModelException.Kind.BAD_FILE, e.getMessage() + " (GBNF, llama.cpp's grammar format)", e);
        }
    }

    private static int positive(ProcessorConfig config, String name, int fallback) {
        String value = config.option(name);
        if (value == null) return fallback;
        int n = integer(name, value);
        if (n <= 0) throw new IllegalArgumentException(name + " must be positive, got " + n);
        return n;
    }

    private static int integer(String name, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + value + "'");
        }
    }
}
