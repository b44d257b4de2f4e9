package dev.mnemos.llama;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaIterator;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.LlamaOutput;
import de.kherud.llama.ModelParameters;
import de.kherud.llama.Pair;
import dev.mnemos.runtime.model.Answer;
import dev.mnemos.runtime.model.ModelException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One GGUF model loaded by llama.cpp, shared by every processor and chat model of this process that
 * names the same file with the same threads and context: one load per process. Kept until
 * {@link #closeAll()} or the process ends.
 *
 * <p>What a library user must know: llama.cpp's {@code close()} leaves a native thread attached to
 * the JVM as a non-daemon thread, so after {@link #closeAll()} a program whose {@code main} returns
 * does not exit by itself; end it with {@code System.exit} (the commands do).
 */
final class Engine {

    private static final Map<String, Engine> LOADED = new HashMap<>();

    private final LlamaModel model;
    private final Path file;
    private final int context;

    private Engine(LlamaModel model, Path file, int context) {
        this.model = model;
        this.file = file;
        this.context = context;
    }

    /** The model of {@code settings}, loaded on first use: its header checked, then the native load. */
    static synchronized Engine of(LocalSettings settings) throws ModelException {
        String key = key(settings);
        Engine engine = LOADED.get(key);
        if (engine != null) return engine;
        GgufFile.checkedArchitecture(settings.file());
        NativeLibrary.load();
        ModelParameters parameters = new ModelParameters().setModel(settings.file().toString())
                .setThreads(settings.threads()).setThreadsBatch(settings.threads()).setCtxSize(settings.context());
        if (!NativeLibrary.verbose()) parameters.disableLog();
        try {
            engine = new Engine(new LlamaModel(parameters), settings.file(), settings.context());
        } catch (RuntimeException e) { // de.kherud.llama.LlamaException, which is not public
            String context = settings.context() > LocalSettings.DEFAULT_CONTEXT ? "; its context of " + settings.context()
                    + " tokens needs memory in proportion: try a smaller --context" : "";
            throw GgufFile.bad(settings.file(), "llama.cpp could not load it (" + e.getMessage() + ")" + context);
        }
        LOADED.put(key, engine);
        return engine;
    }

    /** Frees every loaded model (see the class comment about the thread llama.cpp leaves). */
    static synchronized void closeAll() {
        LOADED.values().forEach(e -> e.model.close());
        LOADED.clear();
    }

    private static String key(LocalSettings settings) throws ModelException {
        try {
            return settings.file().toRealPath() + "|" + settings.threads() + "|" + settings.context();
        } catch (IOException e) {
            return settings.file().toAbsolutePath() + "|" + settings.threads() + "|" + settings.context();
        }
    }

    Path file() {
        return file;
    }

    int tokens(String text) {
        return model.encode(text).length;
    }

    /** The chat prompt of these (role, text) turns in the model file's own template. */
    String applyTemplate(String system, List<Pair<String, String>> turns) {
        return model.applyTemplate(new InferenceParameters("").setMessages(system, turns));
    }

    /**
     * The tokens {@code prompt} makes, checked to fit the context with room for one answer token;
     * nothing is sent to the model.
     *
     * @throws ModelException (rejected) when it does not fit, naming both counts
     */
    int fit(String prompt, String model) throws ModelException {
        int promptTokens = tokens(prompt);
        if (context - promptTokens - 1 < 1) {
            throw new ModelException(ModelException.Kind.REJECTED, String.format(java.util.Locale.ROOT,
                    "the prompt is %,d tokens and the context of model %s holds %,d; raise the context (--context) or shorten the prompt",
                    promptTokens, model, context));
        }
        return promptTokens;
    }

    /** Continues {@code prompt} when it {@link #fit}s the context. */
    Answer generate(String prompt, Decoding decoding, Duration timeout, String model) throws ModelException {
        return generate(prompt, fit(prompt, model), decoding, timeout, model);
    }

    /**
     * Continues {@code prompt}, of {@code promptTokens} tokens that {@link #fit} accepted; the answer
     * is bounded by {@code maxTokens} (null: {@link LocalSettings#DEFAULT_MAX_TOKENS}), by the
     * context's room, and by {@code timeout}, checked between tokens.
     */
    Answer generate(String prompt, int promptTokens, Decoding decoding, Duration timeout, String model) throws ModelException {
        int limit = Math.min(LocalSettings.maxTokens(decoding.maxTokens()), context - promptTokens - 1);
        InferenceParameters p = new InferenceParameters(prompt).setTemperature((float) decoding.temperature())
                .setNPredict(limit).setCachePrompt(false);
        if (!decoding.stop().isEmpty()) p.setStopStrings(decoding.stop().toArray(String[]::new));
        if (decoding.grammar() != null) p.setGrammar(decoding.grammar());
        if (decoding.seed() != null) p.setSeed(decoding.seed());
        String text = run(p, timeout, model);
        return new Answer(text, promptTokens, text.isEmpty() ? 0 : tokens(text));
    }

    private String run(InferenceParameters parameters, Duration timeout, String model) throws ModelException {
        long deadline = System.nanoTime() + timeout.toNanos();
        StringBuilder text = new StringBuilder();
        LlamaIterator it;
        try {
            it = (LlamaIterator) this.model.generate(parameters).iterator();
            while (it.hasNext()) {
                LlamaOutput out = it.next();
                text.append(out.text);
                if (it.hasNext() && System.nanoTime() > deadline) {
                    it.cancel();
                    throw new ModelException(ModelException.Kind.TIMEOUT, "no answer from the local model " + model
                            + " within " + timeout.toSeconds() + " s; raise the timeout (--timeout) or lower --max-tokens");
                }
            }
        } catch (RuntimeException e) { // de.kherud.llama.LlamaException, which is not public
            throw new ModelException(ModelException.Kind.REJECTED, "llama.cpp refused the request for model " + model + ": " + e.getMessage(), e);
        }
        return text.toString();
    }

    /** What decides an answer besides the prompt. */
    record Decoding(double temperature, Integer maxTokens, List<String> stop, String grammar, Integer seed) {}
}
