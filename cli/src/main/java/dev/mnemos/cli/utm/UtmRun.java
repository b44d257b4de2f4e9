package dev.mnemos.cli.utm;

import dev.mnemos.cli.Cli;
import dev.mnemos.cli.ExitCode;
import dev.mnemos.cli.FileOptions;
import dev.mnemos.cli.ProgressLine;
import dev.mnemos.cli.run.CheckpointFiles;
import dev.mnemos.cli.run.RunFiles;
import dev.mnemos.cli.run.RunOptions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mnemos.runtime.checkpoint.Checkpoint;
import dev.mnemos.runtime.checkpoint.CheckpointStore;
import dev.mnemos.runtime.cycle.Machine;
import dev.mnemos.runtime.trace.TraceReplay;
import dev.mnemos.utm.bitag.BiTagException;
import dev.mnemos.utm.bitag.BiTagFormat;
import dev.mnemos.runtime.cycle.RunResult;
import dev.mnemos.runtime.memory.Memory;
import dev.mnemos.runtime.memory.MemoryFile;
import dev.mnemos.runtime.model.Processor;
import dev.mnemos.utm.bitag.BiTagProgram;
import dev.mnemos.utm.image.MemoryImage;
import dev.mnemos.utm.prompt.PromptSet;
import dev.mnemos.utm.reference.ReferenceProvider;
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
@Command(name = "utm-run", addMethodSubcommands = false, mixinStandardHelpOptions = true, versionProvider = Cli.Version.class, sortOptions = false,
        description = {
                "Runs a Turing machine in string memory: the tape, the head and the machine's instructions are "
                        + "memory values, and a model (or the reference backend) carries out one transition per cycle, "
                        + "checked against a reference machine. The machine is U15,2, the universal machine of Neary and "
                        + "Woods, unless --machine names another; its input is a bi-tag program (--bitag) or a tape "
                        + "(--tape).",
                "",
                "With no arguments it runs the spec's worked bi-tag example on U15,2. Without --model the "
                        + "backend is 'reference', which answers every prompt correctly from the machine's table (no LLM "
                        + "needed).",
                ""},
        footer = {"", "Examples:",
                "  utm-run",
                "  utm-run --bitag samples/bitag/spec-example.json --json",
                "  utm-run --machine samples/machines/binary-increment.json --tape 1011",
                "  utm-run --model llama2 --cache cache.jsonl --trace run.jsonl",
                "  utm-run --model llama2 --resume run.checkpoint.json --trace run.jsonl"})
public final class UtmRun implements Callable<Integer> {

    static final String NAME = "utm-run";
    static final String DEFAULT_CHECKPOINT = "utm-run.checkpoint.json";
    /** The checkpoint section holding the bi-tag program, so that a resumed run decodes words without --bitag. */
    static final String BITAG = "bitag";
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

    @Option(names = "--checkpoint", paramLabel = "FILE", description = "Save checkpoints here (at the start, every 5 s, at the end). Default with a model: beside the trace"
                    + " (run.jsonl -> run.checkpoint.json), else " + DEFAULT_CHECKPOINT + "; deleted when the run halts or fails before its first cycle,"
                    + " never overwritten while it holds an unfinished run.")
    Path checkpoint;

    @Option(names = "--resume", paramLabel = "CHECKPOINT", description = "Go on from a checkpoint (give the same --trace). Checked against the reference configuration the checkpoint saved; after a mismatch that stopped the run, only with --resync.")
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

    @Option(names = "--write-memory", paramLabel = "FILE", description = "Write the run's initial memory (the machine laid out in string memory) to FILE as a"
            + " memory file, as `mnemos run` loads it, and exit without running.")
    Path writeMemory;

    @Option(names = "--resync", description = "With --resume, after a run that stopped on a mismatch: put memory back in the reference configuration and go on (the mismatch stays counted).")
    boolean resync;

    private BiTagProgram program;
    private MachineRun run;

    @Override
    public Integer call() {
        out = spec.commandLine().getOut();
        err = spec.commandLine().getErr();
        checkOptions();
        if (writeMemory != null) return writeInitialMemory();
        Path trace = resume != null ? CheckpointFiles.traceOnResume(resume, runOptions.trace, NAME, err) : runOptions.trace;
        Path checkpointFile = checkpointFile(trace);
        FileOptions.of().input("--bitag", input.bitagFile).input("--machine", input.machineFile).input("--boot", modelOptions.bootFile)
                .input("--resume", resume != null && !resume.equals(checkpointFile) ? resume : null)
                .stream("--trace", trace).stream(resume != null && checkpoint == null ? "--resume" : "--checkpoint", checkpointFile)
                .stream("--cache", cache).check();
        if (resume == null) checkpointFile = CheckpointFiles.forNewRun(checkpointFile, checkpoint == null, trace, NAME, err);
        program = input.bitag(resume == null);
        PromptSet prompts = modelOptions.boot(input.prompts());
        if (resume == null) run = newRun(prompts, initialMemory(prompts)); // input checked before any file is touched
        try (Processor processor = modelOptions.processor(prompts)) {
            return run(prompts, processor, trace, checkpointFile);
        }
    }

    private void checkOptions() {
        input.check();
        runOptions.check();
        if (resync && resume == null) throw new Cli.Failure(ExitCode.USAGE, "--resync goes with --resume CHECKPOINT");
    }

    /** Runs the machine with the run's files open (their locks held) and reports; returns the exit code. */
    private int run(PromptSet prompts, Processor processor, Path trace, Path checkpointFile) {
        RunFiles files = RunFiles.open(cache, trace, runOptions.tracePrompts, checkpointFile, Duration.ofSeconds(5), resume,
                (saved, memory) -> restore(prompts, memory, saved));
        try {
            Memory memory = files.resuming() ? files.resumedMemory() : run.memory();
            if (files.resuming()) goOnAfterMismatch();
            if (files.checkpoints() != null) attach(files.checkpoints());
            files.traceFields(run.traceFields());
            Machine.Builder builder = Machine.builder().processor(processor).parseMode(modelOptions.parseMode()).limits(runOptions.limits())
                    .retries(runOptions.cycleRetries()).writer(runOptions.writer());
            ProgressLine progress = progressLine(run);
            if (progress != null) builder.listener(progress);
            run.listeners().forEach(builder::listener);
            RunResult result = files.run(files.configure(builder).build(), memory);
            if (progress != null) progress.finish();
            Summary summary = run.summarise(result);
            // a halted run's checkpoint has served; one of a new run that ran no cycle holds nothing to go on from
            boolean done = summary.halted() || summary.cycles() == 0;
            boolean deleted = done && checkpoint == null && checkpointFile != null && deleteQuietly(checkpointFile);
            report(summary, checkpointFile, deleted);
            if (result.status() == RunResult.Status.HALTED) return summary.clean() ? ExitCode.OK.code() : ExitCode.CHECK_FAILED.code();
            return ExitCode.of(result).code();
        } finally {
            closeQuietly(files);
        }
    }

    /**
     * Where checkpoints go: --checkpoint; when resuming, the checkpoint resumed from; with a model,
     * a name of the run's own: beside its trace ({@code run.jsonl} -> {@code run.checkpoint.json}),
     * else {@value #DEFAULT_CHECKPOINT} (a new run takes the next free name when an unfinished run holds it:
     * {@link CheckpointFiles#forNewRun}).
     */
    private Path checkpointFile(Path trace) {
        if (checkpoint != null) return checkpoint;
        if (resume != null) return resume;
        if (modelOptions.backendName().equals(ReferenceProvider.NAME)) return null;
        if (trace == null) return Path.of(DEFAULT_CHECKPOINT);
        String name = trace.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return trace.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".checkpoint.json");
    }

    /**
     * The resumed run's verifier, words and bi-tag program, from the checkpoint (before the trace is
     * replayed); an input given with the resume must be the one the run started from.
     */
    private TraceReplay.Listener restore(PromptSet prompts, Memory memory, Checkpoint saved) throws IOException {
        BiTagProgram given = program;
        if (program == null && saved.section(BITAG) != null) {
            try {
                program = BiTagFormat.parse(saved.section(BITAG).toString(), resume + ": sections.bitag", "resumed");
            } catch (BiTagException e) {
                throw new IOException(e.getMessage());
            }
        }
        if (given != null || input.tapeGiven()) {
            InputOptions.Start start = input.start(given);
            MachineRun.checkInput(prompts, saved, start.tape(), start.head(), resume.toString());
        }
        checkImage(prompts, memory);
        run = MachineRun.restore(prompts, memory, saved, resume, verify, program);
        return run::replayed;
    }

    /** A checkpoint's memory must be an image of this machine: the head an integer, op one of its instructions. */
    private void checkImage(PromptSet prompts, Memory memory) throws IOException {
        Object head = memory.get(MemoryImage.HEAD);
        if (!(head instanceof Long)) {
            throw new IOException(resume + ": memory." + MemoryImage.HEAD + " must be an integer (the head), got "
                    + (head == null ? "nothing" : new ObjectMapper().valueToTree(head).toString()));
        }
        if (MemoryImage.state(memory, prompts) == null) {
            throw new IOException(resume + ": memory.op holds no instruction of " + prompts.machine().name()
                    + " (another machine, or another --boot than the run's?)");
        }
    }

    /** After a resume: a run that stopped on a mismatch goes on only when asked to resynchronise. */
    private void goOnAfterMismatch() {
        LockstepVerifier v = run.verifier();
        if (resync && (v == null || !v.stoppedOnMismatch())) {
            throw new Cli.Failure(ExitCode.CHECK_FAILED, "--resync: the run in " + resume + (v == null ? " is not verified (--no-verify)" : " did not stop on a mismatch")
                    + ", so there is nothing to resynchronise; go on with --resume " + resume + " alone");
        }
        if (v == null) return;
        if (v.stoppedOnMismatch()) {
            if (!resync) {
                throw new Cli.Failure(ExitCode.CHECK_FAILED, resume + ": the run stopped on a mismatch at step " + v.stoppedAt()
                        + ", so its memory differs from the reference machine; go on with --resume " + resume
                        + " --resync, which puts memory back in the reference configuration (the mismatch stays counted)");
            }
            v.resynchroniseMemory();
        }
        v.continueOnMismatch(continueOnMismatch);
    }

    private MachineRun newRun(PromptSet prompts, Memory memory) {
        try {
            return new MachineRun(prompts, memory, verify, continueOnMismatch, program == null ? null : program.system());
        } catch (IllegalArgumentException e) {
            throw new Cli.Failure(ExitCode.BAD_INPUT, e.getMessage());
        }
    }

    /** The checkpoint keeps the verifier, the words and the bi-tag program along with memory. */
    private void attach(CheckpointStore store) {
        run.attachTo(store);
        if (program != null) {
            JsonNode json = readTree(BiTagFormat.toJson(program));
            store.section(BITAG, () -> json);
        }
    }

    private static JsonNode readTree(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void closeQuietly(RunFiles files) {
        try {
            files.close();
        } catch (IOException e) {
            // the trace and cache were flushed cycle by cycle; the locks go with the process
        }
    }

    /** --write-memory: the memory a new run would start from, saved atomically; nothing is run. */
    private int writeInitialMemory() {
        if (resume != null) throw new Cli.Failure(ExitCode.USAGE, "--write-memory writes a new run's memory; leave out --resume");
        FileOptions.of().input("--bitag", input.bitagFile).input("--machine", input.machineFile).input("--boot", modelOptions.bootFile)
                .output("--write-memory", writeMemory).check();
        program = input.bitag(true);
        Memory memory = initialMemory(modelOptions.boot(input.prompts()));
        Cli.writing(writeMemory, () -> MemoryFile.save(memory, writeMemory));
        err.println("utm-run: initial memory written to " + writeMemory);
        return ExitCode.OK.code();
    }

    private Memory initialMemory(PromptSet prompts) {
        InputOptions.Start start = input.start(program);
        return MemoryImage.of(prompts, start.tape(), start.head());
    }

    private ProgressLine progressLine(MachineRun run) {
        if (!ProgressLine.stderrIsTerminal()) return null;
        return new ProgressLine(err) {
            @Override
            protected String extra() {
                return run.verifier() == null ? "" : "  " + Cli.count(run.verifier().mismatchCount(), "mismatch", "mismatches");
            }
        };
    }

    /**
     * What the run did: one line on standard error when it failed or stopped on a mismatch; else
     * that line, the verification's, and the mismatches kept (with --continue-on-mismatch); the
     * words or tape on standard output. Model output in them is escaped ({@link Cli#printable}).
     */
    private void report(Summary s, Path checkpointFile, boolean deleted) {
        boolean halted = s.status().equals("halted");
        boolean failed = s.status().equals("failed") || s.status().equals("stopped");
        String end = switch (s.status()) {
            case "halted" -> "halted after " + Cli.count(s.steps(), "step");
            case "step_limit", "time_limit", "call_limit" -> "not halted: limit reached after " + Cli.count(s.steps(), "step");
            case "interrupted" -> "interrupted after " + Cli.count(s.cycles(), "cycle");
            default -> s.status() + " after " + Cli.count(s.cycles(), "cycle") + ": " + Cli.failureMessage(s.error());
        };
        if (!halted && checkpointFile != null && s.cycles() > 0 && Files.exists(checkpointFile)) {
            boolean stoppedOnMismatch = run.verifier() != null && run.verifier().stoppedOnMismatch();
            end += "; checkpoint in " + checkpointFile + " (go on with --resume " + checkpointFile + (stoppedOnMismatch ? " --resync)" : ")");
        }
        String line = "utm-run: " + end + " (" + Cli.count(s.cycles(), "cycle") + ", " + Cli.count(s.modelCalls(), "model call") + ", "
                + Cli.count(s.cacheHits(), "cache hit") + ", " + Cli.twoDecimals(s.seconds()) + " s), head at cell " + s.head();
        if (failed && s.status().equals("failed")) line += "; verification: " + verification(s, false);
        err.println(Cli.printable(line));
        if (!failed) {
            err.println("utm-run: verification: " + verification(s, halted));
            if (continueOnMismatch && run.verifier() != null) printMismatches(s, run.verifier());
        }
        if (deleted) err.println("utm-run: checkpoint " + checkpointFile + " deleted (" + (halted ? "the run halted" : "no cycle ran") + ")");
        printResult(s, halted);
    }

    private static String verification(Summary s, boolean halted) {
        if (!s.checked()) return "off";
        if (s.cycles() == 0) return "none, no cycle ran";
        if (s.mismatches() > 0) return Cli.count(s.mismatches(), "mismatch", "mismatches") + ", the first at step " + s.firstMismatchStep();
        return halted ? "every cycle matched the reference machine" : "the " + Cli.count(s.cycles(), "cycle") + " run matched the reference machine";
    }

    private void printMismatches(Summary s, LockstepVerifier verifier) {
        List<Mismatch> first = verifier.mismatches();
        for (int k = 0; k < Math.min(SHOWN_MISMATCHES, first.size()); k++) err.println(Cli.printable("utm-run: mismatch: " + first.get(k)));
        if (s.mismatches() > SHOWN_MISMATCHES) err.println("utm-run: (" + (s.mismatches() - SHOWN_MISMATCHES) + " more; utm-verify on the trace lists the first 100)");
    }

    private void printResult(Summary s, boolean halted) {
        if (runOptions.json) {
            out.println(s.toJson());
            return;
        }
        if (s.cycles() == 0) return; // nothing was run: no word or tape is a result of it
        if (program != null) {
            if (s.words().size() <= 20) out.println("words: " + String.join(" -> ", s.words()));
            out.println((halted ? "final word: " : "word so far (not halted): ") + s.finalWord());
            return;
        }
        String t = s.finalTape();
        if (t == null) {
            out.println((halted ? "final tape" : "tape so far (not halted)") + ": not shown, its cells are too far apart to lay out");
            return;
        }
        String shown = t.length() <= 200 ? t : t.substring(0, 100) + " ... (" + (t.length() - 200) + " more cells) ... " + t.substring(t.length() - 100);
        out.println((halted ? "final tape" : "tape so far (not halted)") + " (from cell " + s.finalTapeStart() + "): " + shown);
    }

    private boolean deleteQuietly(Path p) {
        try {
            return Files.deleteIfExists(p);
        } catch (IOException e) {
            err.println("utm-run: warning: the checkpoint " + p + " could not be deleted: " + e.getMessage());
            return false;
        }
    }
}
