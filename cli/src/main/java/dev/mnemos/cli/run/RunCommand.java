package dev.mnemos.cli.run;

import dev.mnemos.cli.Cli;
import dev.mnemos.cli.ExitCode;
import dev.mnemos.cli.FileOptions;
import dev.mnemos.cli.BackendOptions;
import dev.mnemos.cli.ProgressLine;
import java.io.PrintWriter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mnemos.runtime.cycle.Machine;
import dev.mnemos.runtime.cycle.ParseMode;
import dev.mnemos.runtime.cycle.Reader;
import dev.mnemos.runtime.cycle.RunLimits;
import dev.mnemos.runtime.cycle.RunResult;
import dev.mnemos.runtime.memory.Memory;
import dev.mnemos.runtime.memory.MemoryFile;
import dev.mnemos.runtime.memory.MemoryFileException;
import dev.mnemos.runtime.model.Processor;
import dev.mnemos.runtime.model.Processors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code mnemos run}: runs a program (a memory file) cycle by cycle on a model. */
@Command(name = "run", addMethodSubcommands = false, mixinStandardHelpOptions = true, sortOptions = false,
        header = "Runs a string-memory program (a memory file) on a model, cycle by cycle.",
        description = {
                "Runs a string-memory program: each cycle substitutes @[label] in the instruction that op holds,"
                        + " sends the prompt to the model, and applies the assignments of its answer. Stops when op is \"halt\"."},
        footer = {"", "Example:", "  mnemos run samples/programs/countdown.json --model llama2 --trace run.jsonl --out final.json"})
public final class RunCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PROGRAM", description = "The memory file to run (not needed with --resume).")
    Path program;

    @Mixin
    BackendOptions backend;

    @Option(names = "--mode", paramLabel = "MODE", description = "strict (the answer is the instruction alone) or lenient (the first line that parses). Default: ${DEFAULT-VALUE}.")
    ParseMode mode = ParseMode.STRICT;

    @Mixin
    RunOptions runOptions;

    @Option(names = "--max-calls", paramLabel = "N", description = "Stop before the model call after N. Every request counts: retries (--retries) and cycle retries (--cycle-retries) too.")
    Long maxCalls;

    @Option(names = "--max-passes", paramLabel = "N", description = "Bound on substitution passes per cycle. Default: ${DEFAULT-VALUE}.")
    int maxPasses = Reader.DEFAULT_MAX_PASSES;

    @Option(names = "--max-prompt", paramLabel = "CHARS", description = "Bound on a prompt's length after substitution. Default: ${DEFAULT-VALUE}.")
    int maxPrompt = Reader.DEFAULT_MAX_LENGTH;

    @Option(names = "--cache", paramLabel = "FILE", description = "Prompt cache file: repeated prompts skip the model call.")
    Path cache;

    @Option(names = "--checkpoint", paramLabel = "FILE", description = "Save a checkpoint here every few seconds and when the run ends (Ctrl-C too).")
    Path checkpoint;

    @Option(names = "--checkpoint-every", paramLabel = "SECONDS", description = "Seconds between checkpoints. Default: ${DEFAULT-VALUE}.")
    double checkpointEvery = 5;

    @Option(names = "--resume", paramLabel = "CHECKPOINT", description = "Go on from a checkpoint (and the --trace it was written with).")
    Path resume;

    @Option(names = "--out", paramLabel = "FILE", description = "Save the final memory here (atomically).")
    Path out;

    @Override
    public Integer call() {
        if (program == null && resume == null) throw new Cli.Failure(ExitCode.USAGE, "give a PROGRAM file to run, or --resume CHECKPOINT");
        runOptions.check();
        RunLimits limits = limits();
        int retries = runOptions.cycleRetries();
        Reader reader = new Reader((int) Cli.atLeast("--max-passes", maxPasses, 1), (int) Cli.atLeast("--max-prompt", maxPrompt, 1));
        if (!(checkpointEvery >= 0)) throw new Cli.Failure(ExitCode.USAGE, "--checkpoint-every must be 0 or more, got " + checkpointEvery);
        PrintWriter err = spec.commandLine().getErr();
        Path trace = resume != null ? CheckpointFiles.traceOnResume(resume, runOptions.trace, spec.qualifiedName(), err) : runOptions.trace;
        FileOptions.of().input("PROGRAM", program).input("--resume", resume != null && !resume.equals(checkpoint) ? resume : null)
                .stream("--trace", trace).stream("--checkpoint", checkpoint).stream("--cache", cache).output("--out", out).check();
        if (resume == null) CheckpointFiles.forNewRun(checkpoint, false, trace, spec.qualifiedName(), err);
        Processor processor = processor();
        Memory loaded = resume == null ? loadProgram(program) : null; // before any file is opened: a bad PROGRAM leaves --trace alone
        RunFiles files = null;
        try {
            files = RunFiles.open(cache, trace, runOptions.tracePrompts, checkpoint, Duration.ofMillis((long) (checkpointEvery * 1000)), resume);
            Memory memory = files.resuming() ? files.resumedMemory() : loaded;
            ProgressLine progress = ProgressLine.onTerminal(spec.commandLine().getErr());
            Machine.Builder builder = Machine.builder()
                    .processor(processor)
                    .reader(reader)
                    .writer(runOptions.writer())
                    .parseMode(mode)
                    .limits(limits)
                    .retries(retries);
            if (progress != null) builder.listener(progress);
            RunResult result = files.run(files.configure(builder).build(), memory);
            if (progress != null) progress.finish();
            if (out != null) save(memory);
            report(result, files);
            return ExitCode.of(result).code();
        } finally {
            processor.close();
            if (files != null) {
                try {
                    files.close();
                } catch (java.io.IOException e) {
                    // flushed cycle by cycle; the locks go with the process
                }
            }
        }
    }

    private Processor processor() {
        try {
            return Processors.create(backend.toConfig());
        } catch (IllegalArgumentException e) {
            throw new Cli.Failure(ExitCode.USAGE, e.getMessage());
        }
    }

    private RunLimits limits() {
        RunLimits limits = runOptions.limits();
        if (maxCalls != null) limits = limits.withMaxModelCalls(Cli.atLeast("--max-calls", maxCalls, 0));
        return limits;
    }

    /** The program, which must have an op: its first instruction (without one the model was sent the blank). */
    private static Memory loadProgram(Path file) {
        Memory memory = load(file);
        if (!memory.contains(Machine.OP)) {
            throw new Cli.Failure(ExitCode.BAD_INPUT, file + ": the program has no \"" + Machine.OP
                    + "\" value; op holds the instruction the first cycle runs (see samples/programs/countdown.json)");
        }
        return memory;
    }

    private static Memory load(Path file) {
        try {
            return MemoryFile.load(file);
        } catch (MemoryFileException e) {
            throw new Cli.Failure(ExitCode.BAD_INPUT, e.getMessage());
        }
    }

    private void save(Memory memory) {
        try {
            MemoryFile.save(memory, out);
        } catch (IOException e) {
            throw new Cli.Failure(ExitCode.IO_ERROR, "cannot write " + out + ": " + e.getMessage());
        }
    }

    /** The checkpoint the run goes on from (the run writes to --checkpoint, or to the one it resumed), or null. */
    private Path checkpointWritten(RunFiles files) {
        Path file = checkpoint != null ? checkpoint : files.resuming() ? resume : null;
        return file != null && java.nio.file.Files.exists(file) ? file : null;
    }

    /** Where the run can go on from, when it did not halt: {@code ; checkpoint in C (go on with --resume C)}. */
    private String goOn(RunFiles files) {
        Path file = checkpointWritten(files);
        return file == null ? "" : "; checkpoint in " + file + " (go on with --resume " + file + ")";
    }

    private void report(RunResult r, RunFiles files) {
        String line = switch (r.status()) {
            case HALTED -> "halted after " + Cli.count(r.cycles(), "cycle");
            case STEP_LIMIT -> "stopped at the step limit after " + Cli.count(r.cycles(), "cycle") + " (not halted)" + goOn(files);
            case TIME_LIMIT -> "stopped at the time limit after " + Cli.count(r.cycles(), "cycle") + " (not halted)" + goOn(files);
            case CALL_LIMIT -> "stopped at the model-call limit after " + Cli.count(r.cycles(), "cycle") + " (not halted)" + goOn(files);
            case STOPPED -> "stopped after " + Cli.count(r.cycles(), "cycle") + ": " + r.stopReason();
            case INTERRUPTED -> "interrupted after " + Cli.count(r.cycles(), "cycle") + goOn(files);
            case FAILED -> "failed after " + Cli.count(r.cycles(), "cycle") + ": " + Cli.failureMessage(r.failure().getMessage())
                    + (r.cycles() > 0 ? goOn(files) : "");
        };
        spec.commandLine().getErr().println(Cli.printable(spec.qualifiedName() + ": " + line + " (" + Cli.count(r.modelCalls(), "model call") + ", " + Cli.count(r.cacheHits(), "cache hit") + ", "
                + String.format("%.2f s", r.elapsed().toNanos() / 1e9) + ")"));
        spec.commandLine().getErr().flush();
        if (runOptions.json) {
            ObjectNode o = new ObjectMapper().createObjectNode();
            o.put("status", r.status().name().toLowerCase())
                    .put("halted", r.halted())
                    .put("cycles", r.cycles())
                    .put("modelCalls", r.modelCalls())
                    .put("cacheHits", r.cacheHits())
                    .put("seconds", r.elapsed().toNanos() / 1e9);
            if (r.failure() != null) o.put("error", r.failure().getMessage());
            spec.commandLine().getOut().println(o);
            spec.commandLine().getOut().flush();
        }
    }
}
