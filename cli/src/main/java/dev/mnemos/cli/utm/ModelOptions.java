package dev.mnemos.cli.utm;

import dev.mnemos.cli.BackendOptions;
import dev.mnemos.cli.Cli;
import dev.mnemos.cli.ExitCode;
import dev.mnemos.runtime.cycle.ParseMode;
import dev.mnemos.runtime.model.Processor;
import dev.mnemos.runtime.model.ProcessorConfig;
import dev.mnemos.runtime.model.Processors;
import dev.mnemos.runtime.model.Style;
import dev.mnemos.utm.bench.ModelInfo;
import dev.mnemos.utm.prompt.PromptSet;
import dev.mnemos.utm.reference.ReferenceProcessor;
import dev.mnemos.utm.reference.ReferenceProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ListResourceBundle;

/**
 * The processor side of utm-run and utm-bench (a picocli mixin): the runtime's backend options
 * with utm's defaults (the reference backend without --model; a model answers in at most 64
 * tokens and, in completion style, stops at a newline), the boot preamble and the parse mode.
 */
@Command(addMethodSubcommands = false) // (see Cli: no scan of its methods for subcommands at start-up)
public class ModelOptions {

    /** utm-run's and utm-bench's bound on an answer: an instruction is short. */
    static final int MAX_TOKENS = 64;
    /** lag-run's and lag-check's bound on an answer: a value of the dictionary is shorter. */
    static final int LAG_MAX_TOKENS = 32;

    @Mixin
    BackendOptions backend;

    @Option(names = "--boot", paramLabel = "FILE", description = "Use this boot preamble instead of the compiled one.")
    Path bootFile;

    @Option(names = "--mode", paramLabel = "MODE", description = "strict (the answer is the instruction alone) or lenient (the first line that parses). Default: strict, lenient for --style chat.")
    ParseMode mode;

    /**
     * The command line of a command with these options, its --backend described with utm's default
     * (picocli takes an option's description from the command's resource bundle when it has one).
     */
    static CommandLine commandLine(Object command) {
        return commandLine(command, new Object[0][]);
    }

    /** The same, with more option descriptions by key ({@code {"samples", "Answers ..."}}). */
    static CommandLine commandLine(Object command, Object[][] descriptions) {
        Object[][] all = java.util.Arrays.copyOf(descriptions, descriptions.length + 3);
        all[descriptions.length + 1] = maxTokensHelp(MAX_TOKENS);
        all[descriptions.length + 2] = stopHelp();
        all[descriptions.length] = new Object[] {"backend", "Backend: reference (the machine's own table, no model), local (a GGUF"
                + " model run in-process, no server), ollama, openai (any OpenAI-compatible server: vLLM, llama.cpp,"
                + " LM Studio), or one a module adds. Default: reference without --model; with it, local when"
                + " --model names a local model (smollm2-135m, gemma3-270m, a path ending in .gguf, NAME.gguf in"
                + " the model directory) or --model-file is given, else ollama."};
        return described(Cli.commandLine(command), all);
    }

    /** --max-tokens' description (resource bundle entry) for a utm command that bounds answers to {@code maxTokens}. */
    static Object[] maxTokensHelp(int maxTokens) {
        return new Object[] {"max-tokens", BackendOptions.MAX_TOKENS_HELP + " Default: " + maxTokens + "."};
    }

    /** --stop's description (resource bundle entry) for a utm command: the answer ends at a newline in completion style. */
    static Object[] stopHelp() {
        return new Object[] {"stop", BackendOptions.STOP_HELP + " Default: a newline in completion style, none in chat style."};
    }

    /** {@code cl} with the option descriptions given by key (picocli reads an option's description from the command's bundle). */
    static CommandLine described(CommandLine cl, Object[][] descriptions) {
        cl.setResourceBundle(new ListResourceBundle() {
            @Override
            protected Object[][] getContents() {
                return descriptions;
            }
        });
        return cl;
    }

    /** The backend: --backend when given, else 'reference' without --model and the default one with it. */
    String backendName() {
        return backendName(backend);
    }

    /** The processor: the reference machine's answers for {@code prompts}, or the model with utm's defaults. */
    Processor processor(PromptSet prompts) {
        return processor(backend, backendName(), MAX_TOKENS, () -> new ReferenceProcessor(prompts));
    }

    /**
     * The processor a utm command asks: {@code reference} when the backend is the reference one (no
     * model), else the model, answering in at most {@code maxTokens} tokens unless --max-tokens says
     * otherwise and, in completion style, stopping at a newline unless --stop says otherwise.
     */
    static Processor processor(BackendOptions backend, String name, int maxTokens, java.util.function.Supplier<Processor> reference) {
        if (name.equals(ReferenceProvider.NAME)) return reference.get();
        if (backend.model == null) throw new Cli.Failure(ExitCode.USAGE, "--backend " + name + " needs --model NAME");
        try {
            ProcessorConfig config = backend.toConfig();
            ProcessorConfig.Builder b = config.toBuilder();
            if (config.maxTokens() == null) b.maxTokens(maxTokens);
            if (config.stop().isEmpty() && config.style() == Style.COMPLETION) b.stop(List.of("\n"));
            return Processors.create(b.build());
        } catch (IllegalArgumentException e) {
            throw new Cli.Failure(ExitCode.USAGE, e.getMessage());
        }
    }

    /** How reports name the model: the reference backend, or the model, backend, style and temperature. */
    ModelInfo info(boolean reference) {
        return info(backend, backendName(), reference);
    }

    static ModelInfo info(BackendOptions backend, String name, boolean reference) {
        if (reference) return new ModelInfo(ReferenceProvider.NAME, null, null, 0);
        return new ModelInfo(name, backend.model, backend.style.toLowerCase(java.util.Locale.ROOT), backend.temperature);
    }

    /**
     * The backend a utm command uses: --backend when given, else the reference without --model (or
     * --model-file) and the one the model implies with it.
     */
    static String backendName(BackendOptions backend) {
        if (backend.backend != null) return backend.backend;
        return backend.model == null ? ReferenceProvider.NAME : backend.backendName();
    }

    /** The prompts with the --boot file's preamble, when one is given. */
    PromptSet boot(PromptSet prompts) {
        if (bootFile == null) return prompts;
        try {
            return prompts.withBoot(Files.readString(bootFile));
        } catch (IOException e) {
            throw new Cli.Failure(ExitCode.BAD_INPUT, bootFile + ": cannot read: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new Cli.Failure(ExitCode.BAD_INPUT, bootFile + ": " + e.getMessage());
        }
    }

    /** --mode, or by default strict, lenient for --style chat. */
    ParseMode parseMode() {
        if (mode != null) return mode;
        return "chat".equalsIgnoreCase(backend.style) ? ParseMode.LENIENT : ParseMode.STRICT;
    }
}
