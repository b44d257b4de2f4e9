package dev.mnemos.cli.utm;

import dev.mnemos.cli.BackendOptions;
import dev.mnemos.cli.Cli;
import dev.mnemos.cli.ExitCode;
import dev.mnemos.runtime.cycle.ParseMode;
import dev.mnemos.runtime.model.Processor;
import dev.mnemos.runtime.model.ProcessorConfig;
import dev.mnemos.runtime.model.Processors;
import dev.mnemos.runtime.model.Style;
import dev.mnemos.utm.prompt.PromptSet;
import dev.mnemos.utm.reference.ReferenceProcessor;
import dev.mnemos.utm.reference.ReferenceProvider;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

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
public class ModelOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

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
        CommandLine cl = Cli.commandLine(command);
        cl.setResourceBundle(new ListResourceBundle() {
            @Override
            protected Object[][] getContents() {
                return new Object[][] {{"backend", "Backend: reference (the machine's own table, no model), local (a GGUF"
                        + " model run in-process, no server), ollama, openai (any OpenAI-compatible server: vLLM, llama.cpp,"
                        + " LM Studio), or one a module adds. Default: reference without --model; with it, local when"
                        + " --model names a local model (smollm2-135m, gemma3-270m, a path ending in .gguf, NAME.gguf in"
                        + " the model directory) or --model-file is given, else ollama."}};
            }
        });
        return cl;
    }

    /** The backend: --backend when given, else 'reference' without --model and the default one with it. */
    String backendName() {
        if (backend.backend != null) return backend.backend;
        return backend.model == null ? ReferenceProvider.NAME : backend.backendName();
    }

    /** The processor: the reference machine's answers for {@code prompts}, or the model with utm's defaults. */
    Processor processor(PromptSet prompts) {
        String name = backendName();
        if (name.equals(ReferenceProvider.NAME)) return new ReferenceProcessor(prompts);
        if (backend.model == null) throw new Cli.Failure(ExitCode.USAGE, "--backend " + name + " needs --model NAME");
        try {
            ProcessorConfig config = backend.toConfig();
            ProcessorConfig.Builder b = config.toBuilder();
            if (config.maxTokens() == null) b.maxTokens(64);
            if (config.stop().isEmpty() && config.style() == Style.COMPLETION) b.stop(List.of("\n"));
            return Processors.create(b.build());
        } catch (IllegalArgumentException e) {
            throw new Cli.Failure(ExitCode.USAGE, e.getMessage());
        }
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
