package dev.mnemos.cli;

import dev.mnemos.llama.LocalProvider;
import dev.mnemos.runtime.model.InvalidSettingException;
import dev.mnemos.runtime.model.ProcessorConfig;
import dev.mnemos.runtime.model.Processors;
import dev.mnemos.runtime.model.Style;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The model options every mnemos command shares (a picocli mixin). */
@Command(addMethodSubcommands = false) // (see Cli: no scan of its methods for subcommands at start-up)
public class BackendOptions {

    /** The backend when no --backend is given and no local model is named. */
    public static final String DEFAULT_BACKEND = "ollama";

    @Option(names = "--backend", paramLabel = "NAME",
            description = "Backend: local (a GGUF model run in-process, no server), ollama, openai (any OpenAI-compatible server:"
                    + " vLLM, llama.cpp, LM Studio), or one a module adds. Default: local when --model names a local model"
                    + " (smollm2-135m, gemma3-270m, a path ending in .gguf, or NAME.gguf in the model directory) or --model-file"
                    + " is given, else ollama.")
    public String backend;

    @Option(names = "--model", paramLabel = "NAME",
            description = "Model: a local model (smollm2-135m, gemma3-270m: fetch with `bin/mnemos models fetch NAME`) or a name as the server knows it, e.g. llama2.")
    public String model;

    private boolean modelFile;

    @Option(names = "--model-file", paramLabel = "PATH", description = "A GGUF model file, run in-process by the local backend.")
    void modelFile(String path) {
        this.model = path;
        this.modelFile = true;
    }

    @Option(names = "--threads", paramLabel = "N", description = "local: CPU threads, at most 512 (llama.cpp's limit). Default: the number of cores. Fix it for answers reproducible across machines.")
    public Integer threads;

    @Option(names = "--context", paramLabel = "TOKENS", description = "local: the context (prompt and answer) in tokens. Default: 4096.")
    public Integer context;

    @Option(names = "--grammar", paramLabel = "FILE", description = "local: a GBNF grammar (llama.cpp's format) that constrains every answer.")
    public String grammar;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "Server URL. Default: http://localhost:11434 for ollama; required for openai (e.g. http://localhost:8000/v1).")
    public String baseUrl;

    @Option(names = "--style", paramLabel = "STYLE",
            description = "completion (the prompt is continued as it is; Ollama raw mode) or chat (one user message). Default: ${DEFAULT-VALUE}.")
    public String style = "completion";

    @Option(names = "--system", paramLabel = "TEXT", description = "System instruction for the chat style.")
    public String system;

    @Option(names = "--temperature", paramLabel = "T", description = "Sampling temperature. Default: ${DEFAULT-VALUE} (deterministic).")
    public double temperature = 0.0;

    /** --max-tokens' help before its default, which a command may state differently (its resource bundle's {@code max-tokens}). */
    public static final String MAX_TOKENS_HELP = "Bound on the answer's tokens (Ollama num_predict, OpenAI max_tokens).";
    /** --stop's help before its default (a command's resource bundle's {@code stop}). */
    public static final String STOP_HELP = "A stop sequence; repeat for more. Escapes \\n and \\t are understood.";

    @Option(names = "--max-tokens", paramLabel = "N", description = MAX_TOKENS_HELP + " Default: " + LocalProvider.DEFAULT_MAX_TOKENS
            + " on the local backend; the server's own bound on ollama and openai.")
    public Integer maxTokens;

    @Option(names = "--stop", paramLabel = "TEXT", description = STOP_HELP + " Default: none.")
    public List<String> stop = new ArrayList<>();

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Time allowed for one model call. Default: ${DEFAULT-VALUE}.")
    public double timeoutSeconds = 120;

    @Option(names = "--retries", paramLabel = "N", description = "Retries of a model call that failed with 5xx or a timeout, with backoff. Default: ${DEFAULT-VALUE}.")
    public int retries = 2;

    @Option(names = "--stream", description = "Ask the server for a streamed answer.")
    public boolean stream;

    @Option(names = "--api-key", paramLabel = "KEY", description = "API key for OpenAI-compatible servers that need one. Default: $OPENAI_API_KEY.")
    public String apiKey = System.getenv("OPENAI_API_KEY");

    /**
     * The backend: --backend when given, else local for a model the local backend claims (or
     * --model-file), else {@link #DEFAULT_BACKEND}.
     */
    public String backendName() {
        if (backend != null) return backend;
        if (modelFile) return "local";
        return Processors.backendFor(model, DEFAULT_BACKEND);
    }

    /**
     * The settings as a {@link ProcessorConfig}.
     *
     * @throws Cli.Failure a usage failure (exit 2) naming the value at fault: an unknown style, a
     *         timeout, temperature, token bound or retry count out of the config's bounds, a context or
     *         thread count not positive, --model-file with another backend than local
     */
    public ProcessorConfig toConfig() {
        Style s = switch (style.toLowerCase()) {
            case "completion" -> Style.COMPLETION;
            case "chat" -> Style.CHAT;
            default -> throw usage("--style must be completion or chat, not '" + style + "'");
        };
        // the local backend checks these when it loads the model; here they are refused before it
        if (context != null && context <= 0) throw usage("--context must be positive, got " + context);
        if (threads != null && threads <= 0) throw usage("--threads must be positive, got " + threads);
        if (modelFile && backend != null && !backend.equals("local")) {
            throw usage("--model-file runs a GGUF file in-process (the local backend), not on --backend "
                    + backend + ": give that backend --model NAME");
        }
        List<String> stops = new ArrayList<>();
        for (String x : stop) stops.add(x.replace("\\n", "\n").replace("\\t", "\t"));
        try {
            return config(s, stops);
        } catch (InvalidSettingException e) { // the config owns the bounds; the message names the option
            throw usage(option(e.setting()) + " " + e.rule() + ", got " + (e.setting().equals(ProcessorConfig.TIMEOUT) ? timeoutSeconds : e.value()));
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    /** The option that gives a config setting. */
    private static String option(String setting) {
        return switch (setting) {
            case ProcessorConfig.TEMPERATURE -> "--temperature";
            case ProcessorConfig.MAX_TOKENS -> "--max-tokens";
            case ProcessorConfig.TIMEOUT -> "--timeout";
            case ProcessorConfig.RETRIES -> "--retries";
            default -> setting;
        };
    }

    private static Cli.Failure usage(String message) {
        return new Cli.Failure(ExitCode.USAGE, message);
    }

    private ProcessorConfig config(Style s, List<String> stops) {
        return ProcessorConfig.builder()
                .backend(backendName())
                .baseUrl(baseUrl)
                .model(model)
                .style(s)
                .systemInstruction(system)
                .temperature(temperature)
                .maxTokens(maxTokens)
                .stop(stops)
                .timeout(Duration.ofMillis((long) (timeoutSeconds * 1000)))
                .retries(retries)
                .stream(stream)
                .apiKey(apiKey)
                .option("threads", threads == null ? null : threads.toString())
                .option("context", context == null ? null : context.toString())
                .option("grammar-file", grammar)
                .build();
    }
}
