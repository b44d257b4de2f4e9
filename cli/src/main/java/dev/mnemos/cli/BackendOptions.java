package dev.mnemos.cli;

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

    @Option(names = "--max-tokens", paramLabel = "N", description = "Bound on the answer's tokens (Ollama num_predict).")
    public Integer maxTokens;

    @Option(names = "--stop", paramLabel = "TEXT", description = "A stop sequence; repeat for more. Escapes \\n and \\t are understood.")
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
     *         timeout, temperature, token bound or retry count out of range, --model-file with another backend than local
     */
    public ProcessorConfig toConfig() {
        Style s = switch (style.toLowerCase()) {
            case "completion" -> Style.COMPLETION;
            case "chat" -> Style.CHAT;
            default -> throw new Cli.Failure(ExitCode.USAGE, "--style must be completion or chat, not '" + style + "'");
        };
        if (!(timeoutSeconds > 0)) throw new Cli.Failure(ExitCode.USAGE, "--timeout must be positive, not " + timeoutSeconds);
        checkNumbers();
        if (modelFile && backend != null && !backend.equals("local")) {
            throw new Cli.Failure(ExitCode.USAGE, "--model-file runs a GGUF file in-process (the local backend), not on --backend "
                    + backend + ": give that backend --model NAME");
        }
        List<String> stops = new ArrayList<>();
        for (String x : stop) stops.add(x.replace("\\n", "\n").replace("\\t", "\t"));
        try {
            return config(s, stops);
        } catch (IllegalArgumentException e) {
            throw new Cli.Failure(ExitCode.USAGE, e.getMessage());
        }
    }

    /** The numbers the config checks too, checked here so that the message names the option. */
    private void checkNumbers() {
        if (!(temperature >= 0 && temperature <= 2)) throw usage("--temperature must be between 0 and 2, got " + temperature);
        if (maxTokens != null && maxTokens <= 0) throw usage("--max-tokens must be positive, got " + maxTokens);
        if (retries < 0) throw usage("--retries must be 0 or more, got " + retries);
        if (context != null && context <= 0) throw usage("--context must be positive, got " + context);
        if (threads != null && threads <= 0) throw usage("--threads must be positive, got " + threads);
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
