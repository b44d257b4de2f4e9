package dev.mnemos.cli.utm;

import dev.mnemos.cli.Cli;
import dev.mnemos.cli.ExitCode;
import dev.mnemos.cli.ProgressLine;
import dev.mnemos.cli.run.RunFiles;
import dev.mnemos.cli.run.RunOptions;
import dev.mnemos.runtime.cycle.Machine;
import dev.mnemos.runtime.cycle.RunLimits;
import dev.mnemos.runtime.cycle.RunResult;
import dev.mnemos.runtime.memory.Memory;
import dev.mnemos.runtime.model.Processor;
import dev.mnemos.utm.bitag.BiTagProgram;
import dev.mnemos.utm.image.MemoryImage;
import dev.mnemos.utm.prompt.PromptSet;
import dev.mnemos.utm.reference.ReferenceProcessor;
import dev.mnemos.utm.run.MachineRun;
import dev.mnemos.utm.run.Summary;
import dev.mnemos.utm.verify.LockstepVerifier;
import dev.mnemos.utm.verify.Mismatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code utm-run}: runs a Turing machine (U15,2 by default) in string memory, with a model as its processor. */
@Command(name = "utm-run", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class, sortOptions = false,
        description = {
                "Runs a Turing machine in string memory: the tape, the head and the machine's",
                "instructions are memory values, and a model (or the reference backend) carries",
                "out one transition per cycle, checked against a reference machine. The machine",
                "is U15,2, the universal machine of Neary and Woods, unless --machine names",
                "another; its input is a bi-tag program (--bitag) or a tape (--tape).",
                "",
                "With no arguments it runs the spec's worked bi-tag example on U15,2.",
                "Without --model the backend is 'reference', which answers every prompt",
                "correctly from the machine's table (no LLM needed).",
                "",
                "Exit codes: 0 halted and verified clean, 2 usage, 3 bad input file,",
                "4 server unreachable, 5 model not found, 6 model error, 7 output did not",
                "parse, 8 runaway substitution, 9 bad write, 10 step or time limit reached,",
                "11 verification found a mismatch, 12 a file could not be written,",
                "130 interrupted (SIGINT), 143 terminated (SIGTERM): the trace is flushed and a checkpoint written.",
                ""},
        footer = {"", "Examples:",
                "  utm-run",
                "  utm-run --bitag samples/bitag/spec-example.json --json",
                "  utm-run --machine samples/machines/binary-increment.json --tape 1011",
                "  utm-run --model llama2 --cache cache.jsonl --trace run.jsonl",
                "  utm-run --model llama2 --resume utm-run.checkpoint.json --trace run.jsonl"})
public final class UtmRun implements Callable<Integer> {

    static final String DEFAULT_CHECKPOINT = "utm-run.checkpoint.json";
    static final int SHOWN_MISMATCHES = 5;

    @Spec
    CommandSpec spec;

    @Mixin
    ModelOptions modelOptions;

    @Mixin
    InputOptions input;

    @Mixin
    RunOptions runOptions;

    @Option(names = "--cache", paramLabel = "FILE", description = "Prompt cache file: a repeated prompt costs no model call (U15,2 has 29 prompts).")
    Path cache;

    @Option(names = "--verify", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Check every cycle against the reference machine (on by default; --no-verify turns it off).")
    boolean verify;

    @Option(names = "--continue-on-mismatch", description = "On a mismatch, put memory back in the reference configuration, count it, and go on.")
    boolean continueOnMismatch;

    @Option(names = "--checkpoint", paramLabel = "FILE", description = "Save checkpoints here. Default with a model: " + DEFAULT_CHECKPOINT + ", kept only when the run did not halt.")
    Path checkpoint;

    @Option(names = "--resume", paramLabel = "CHECKPOINT", description = "Go on from a checkpoint (give the same --trace, and --bitag to decode words).")
    Path resume;

    /** The command line's writers, taken when the command runs. */
    private PrintWriter out;
    private PrintWriter err;

    public static void main(String[] args) {
        Cli.main(ModelOptions.commandLine(new UtmRun()), args);
    }

    /** Runs the command; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        UtmRun command = new UtmRun();
        return Cli.execute(ModelOptions.commandLine(command), args, out, err);
    }

    @Override
    public Integer call() {
        out = spec.commandLine().getOut();
        err = spec.commandLine().getErr();
        input.check();
        RunLimits limits = runOptions.limits();
        int retries = runOptions.cycleRetries();
        BiTagProgram program = input.bitag(resume == null);
        PromptSet prompts = modelOptions.boot(input.prompts());
        Processor processor = modelOptions.processor(prompts);
        boolean model = !(processor instanceof ReferenceProcessor);
        // a resumed run saves its checkpoints where it resumed from, unless --checkpoint names another file
        Path checkpointFile = checkpoint != null ? checkpoint : resume != null ? resume : model ? Path.of(DEFAULT_CHECKPOINT) : null;
        RunFiles files = RunFiles.open(cache, runOptions.trace, runOptions.tracePrompts, checkpointFile, Duration.ofSeconds(5), resume);
        Memory memory = files.resuming() ? files.resumedMemory() : initialMemory(prompts, program);
        MachineRun run;
        try {
            run = new MachineRun(prompts, memory, verify, continueOnMismatch, program == null ? null : program.system());
        } catch (IllegalArgumentException e) {
            throw new Cli.Failure(ExitCode.BAD_INPUT, (resume != null ? resume + ": " : "") + e.getMessage());
        }
        files.traceFields(run.traceFields());
        Machine.Builder builder = Machine.builder().processor(processor).parseMode(modelOptions.parseMode()).limits(limits).retries(retries)
                .writer(runOptions.writer());
        ProgressLine progress = progressLine(run);
        if (progress != null) builder.listener(progress);
        run.listeners().forEach(builder::listener);
        RunResult result = files.run(files.configure(builder).build(), memory);
        if (progress != null) progress.finish();
        processor.close();
        Summary summary = run.summarise(result);
        if (summary.halted() && checkpoint == null && resume == null && checkpointFile != null) deleteQuietly(checkpointFile);
        report(summary, program, checkpointFile, run.verifier());
        if (result.status() == RunResult.Status.HALTED) return summary.clean() ? ExitCode.OK.code() : ExitCode.CHECK_FAILED.code();
        return ExitCode.of(result).code();
    }

    private Memory initialMemory(PromptSet prompts, BiTagProgram program) {
        InputOptions.Start start = input.start(program);
        return MemoryImage.of(prompts, start.tape(), start.head());
    }

    private ProgressLine progressLine(MachineRun run) {
        if (System.console() == null) return null;
        return new ProgressLine(err) {
            @Override
            protected String extra() {
                return run.verifier() == null ? "" : String.format("  %,d mismatches", run.verifier().mismatchCount());
            }
        };
    }

    private void report(Summary s, BiTagProgram program, Path checkpointFile, LockstepVerifier verifier) {
        String end = switch (s.status()) {
            case "halted" -> "halted after " + Cli.count(s.steps(), "step");
            case "step_limit", "time_limit", "call_limit" -> "not halted: limit reached after " + Cli.count(s.steps(), "step");
            case "interrupted" -> "interrupted after " + Cli.count(s.cycles(), "cycle");
            default -> s.status() + " after " + Cli.count(s.cycles(), "cycle") + ": " + Cli.failureMessage(s.error());
        };
        boolean halted = s.status().equals("halted");
        if (!halted && checkpointFile != null && Files.exists(checkpointFile)) {
            end += "; checkpoint in " + checkpointFile + " (go on with --resume " + checkpointFile + ")";
        }
        err.printf("utm-run: %s (%s, %s, %s, %.2f s), head at cell %s%n", end, Cli.count(s.cycles(), "cycle"),
                Cli.count(s.modelCalls(), "model call"), Cli.count(s.cacheHits(), "cache hit"), s.seconds(), s.head());
        if (s.verified()) {
            String clean = halted ? "every cycle matched the reference machine"
                    : String.format("the %,d cycles run matched the reference machine", s.cycles());
            err.println("utm-run: verification: " + (s.mismatches() == 0 ? clean
                    : String.format("%,d mismatches, the first at step %d", s.mismatches(), s.firstMismatchStep())));
            if (continueOnMismatch) {
                List<Mismatch> first = verifier.mismatches();
                for (int k = 0; k < Math.min(SHOWN_MISMATCHES, first.size()); k++) err.println("utm-run: mismatch: " + first.get(k));
                if (s.mismatches() > SHOWN_MISMATCHES) err.println("utm-run: (" + (s.mismatches() - SHOWN_MISMATCHES) + " more; utm-verify on the trace lists the first 100)");
            }
        } else {
            err.println("utm-run: verification: off");
        }
        if (runOptions.json) {
            out.println(s.toJson());
            return;
        }
        if (program != null) {
            if (s.words().size() <= 20) out.println("words: " + String.join(" -> ", s.words()));
            out.println((halted ? "final word: " : "word so far (not halted): ") + s.finalWord());
        } else {
            String t = s.finalTape();
            if (t == null) {
                out.println((halted ? "final tape" : "tape so far (not halted)") + ": not shown, its cells are too far apart to lay out");
                return;
            }
            String shown = t.length() <= 200 ? t : t.substring(0, 100) + " ... (" + (t.length() - 200) + " more cells) ... " + t.substring(t.length() - 100);
            out.println((halted ? "final tape" : "tape so far (not halted)") + " (from cell " + s.finalTapeStart() + "): " + shown);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a leftover checkpoint of a finished run does no harm
        }
    }
}
