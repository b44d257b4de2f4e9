package dev.mnemos.cli.utm;

import dev.mnemos.cli.BackendOptions;
import dev.mnemos.cli.Cli;
import dev.mnemos.cli.ExitCode;
import dev.mnemos.cli.FileOptions;
import dev.mnemos.io.AtomicFiles;
import dev.mnemos.cli.run.CheckpointFiles;
import dev.mnemos.cli.run.RunFiles;
import dev.mnemos.cli.run.RunOptions;
import dev.mnemos.runtime.cycle.Machine;
import dev.mnemos.runtime.cycle.RunResult;
import dev.mnemos.runtime.memory.Memory;
import dev.mnemos.runtime.model.Processor;
import dev.mnemos.utm.bitag.BiTagException;
import dev.mnemos.utm.bitag.BiTagFormat;
import dev.mnemos.utm.bitag.BiTagProgram;
import dev.mnemos.utm.bitag.Word;
import dev.mnemos.utm.lag.BiTagLag;
import dev.mnemos.utm.lag.LagException;
import dev.mnemos.utm.lag.LagProgram;
import dev.mnemos.utm.lag.LagJson;
import dev.mnemos.utm.lag.LagSystem;
import dev.mnemos.utm.lag.Rename;
import dev.mnemos.utm.lag.RuleFormat;
import dev.mnemos.utm.lag.TuringLag;
import dev.mnemos.utm.lag.check.Dictionary;
import dev.mnemos.utm.lag.check.LagReferenceProcessor;
import dev.mnemos.utm.lag.run.LagImage;
import dev.mnemos.utm.lag.run.LagRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Callable;

/** {@code lag-run}: a Lag system on the string-memory runtime, a model as its rule table, checked against the interpreter. */
@Command(name = "lag-run", addMethodSubcommands = false, mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Runs a Lag system on the string-memory runtime with a model as its rule table: memory holds the "
                        + "queue, each cycle asks the model for the value of the key at the front (the prompt lag-check "
                        + "sends, same dictionary order for the same --seed), and the answer, which must be symbols of the "
                        + "system, is appended. Every cycle is checked against the reference interpreter; the first "
                        + "mismatch stops the run with the step, the key, the raw answer and the expected value. The "
                        + "system halts when no rule matches the front (no model call is made for that) or fewer than two "
                        + "symbols remain.",
                "",
                "--bitag compiles a bi-tag program (as utm-run takes) to a Lag system and prints the decoded "
                        + "final word. --machine compiles a Turing machine (a machine file, or u15_2 for the built-in "
                        + "U15,2) to one Lag system and runs it on --tape (or, for U15,2, on a --bitag program placed on "
                        + "its tape, as utm-run does); the tape, head and state are read back from the queue at the end "
                        + "and compared with the reference machine's. --write-rules FILE writes the compiled system "
                        + "(KEY:VALUE with two-letter names, or our JSON with the start queue when FILE ends in .json) and "
                        + "exits. Without --model the backend is 'reference'.",
                ""},
        footer = {"", "Examples:",
                "  lag-run --bitag samples/bitag/spec-example.json",
                "  lag-run --machine samples/machines/binary-increment.json --tape 1011",
                "  lag-run --machine u15_2 --bitag samples/bitag/worked-example.json",
                "  lag-run --machine u15_2 --write-rules u15_2-lag.txt",
                "  lag-run --rules rules.txt --queue aBgJvD --model llama3.1 --cache cache.jsonl --trace run.jsonl",
                "  lag-run --rules rules.txt --queue aBgJvD --model llama3.1 --checkpoint lag.ckpt --max-steps 1000",
                "  lag-run --rules rules.txt --model llama3.1 --resume lag.ckpt --trace run.jsonl"})
public final class LagRunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    LagInput input;

    @Mixin
    LagMachine tm;

    @Mixin
    BackendOptions backend;

    @Mixin
    RunOptions runOptions;

    @Option(names = "--queue", paramLabel = "SYMBOLS", description = "The queue to start on: symbols separated by spaces, or written together when all have one width. Default: the JSON file's queue.")
    String queue;

    @Option(names = "--bitag", paramLabel = "FILE", description = "A bi-tag program (JSON) to compile to a Lag system, instead of --rules.")
    Path bitag;

    @Option(names = "--word", paramLabel = "WORD", description = "With --bitag: start on this word instead of the program's.")
    String word;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the dictionary's shuffle (as lag-check's). Default: ${DEFAULT-VALUE}.")
    long seed = 0;

    @Option(names = "--no-shuffle", description = "Keep the rule file's order in the dictionary.")
    boolean noShuffle;

    @Option(names = "--cache", paramLabel = "FILE", description = "Prompt cache file: at most one model call per rule used.")
    Path cache;

    @Option(names = "--verify", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Check every cycle against the reference interpreter (on by default).")
    boolean verify;

    @Option(names = "--checkpoint", paramLabel = "FILE", description = "Save checkpoints here (every 5 s and at the end).")
    Path checkpoint;

    @Option(names = "--resume", paramLabel = "CHECKPOINT", description = "Go on from a checkpoint (same --rules and --seed; give the same --trace).")
    Path resume;

    @Option(names = "--write-rules", paramLabel = "FILE", description = "Write the Lag system (KEY:VALUE, or JSON with the start queue when FILE ends in .json) and exit without running it.")
    Path writeRules;

    public static void main(String[] args) {
        Cli.main(LagHelp.commandLine(new LagRunCommand()), args);
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return Cli.execute(LagHelp.commandLine(new LagRunCommand()), args, out, err);
    }

    @Override
    public Integer call() {
        runOptions.check();
        if ((bitag == null && !tm.given()) == (input.rules == null)) {
            throw new Cli.Failure(ExitCode.USAGE, "give --rules FILE, --bitag FILE or --machine FILE|u15_2 (one of them)");
        }
        if (word != null && bitag == null) throw new Cli.Failure(ExitCode.USAGE, "--word goes with --bitag");
        tm.check(bitag != null, word, writeRules == null);
        if (tm.given() && queue != null) throw new Cli.Failure(ExitCode.USAGE, "--queue goes with --rules; --machine starts from its --tape");
        if (resume != null && (queue != null || word != null && !tm.given())) throw new Cli.Failure(ExitCode.USAGE, "--resume goes on from the checkpoint's queue: no --queue or --word");
        if (resume != null && writeRules != null) throw new Cli.Failure(ExitCode.USAGE, "--write-rules writes the system and exits: no --resume");
        if (writeRules != null) FileOptions.of().input("--rules", input.rules).input("--bitag", bitag).input("--machine", tm.file()).output("--write-rules", writeRules).check();
        BiTagLag compiled = bitag == null || tm.given() ? null : compile();
        TuringLag machineLag = tm.given() ? tm.compile(bitag, word) : null;
        if (machineLag != null) startQueue = tm.startQueue();
        LagProgram program = compiled != null ? new LagProgram(compiled.lag(), new int[0])
                : machineLag != null ? new LagProgram(machineLag.lag(), new int[0]) : input.read();
        LagSystem system = program.system();
        rulesQueue = program.queue();
        if (writeRules != null) return writeRules(program);
        return run(system, compiled, machineLag);
    }

    /** Runs the system on the runtime and reports; the run's files are closed (and their locks freed) in any case. */
    private int run(LagSystem system, BiTagLag compiled, TuringLag machineLag) {
        Dictionary dictionary = Dictionary.of(system, noShuffle ? null : seed);
        Path checkpointFile = checkpoint != null ? checkpoint : resume;
        Path trace = resume != null ? CheckpointFiles.traceOnResume(resume, runOptions.trace, "lag-run", spec.commandLine().getErr()) : runOptions.trace;
        FileOptions.of().input("--rules", input.rules).input("--bitag", bitag).input("--machine", tm.file())
                .input("--resume", resume != null && !resume.equals(checkpointFile) ? resume : null)
                .stream("--trace", trace).stream(resume != null && checkpoint == null ? "--resume" : "--checkpoint", checkpointFile)
                .stream("--cache", cache).check();
        if (resume == null) CheckpointFiles.forNewRun(checkpointFile, false, trace, "lag-run", spec.commandLine().getErr());
        try (RunFiles files = RunFiles.open(cache, trace, runOptions.tracePrompts, checkpointFile, Duration.ofSeconds(5), resume)) {
            return run(files, system, compiled, machineLag, dictionary, checkpointFile);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // closing: the trace and cache were flushed cycle by cycle
        }
    }

    private int run(RunFiles files, LagSystem system, BiTagLag compiled, TuringLag machineLag, Dictionary dictionary, Path checkpointFile) {
        try (Processor model = processor(system)) {
            Memory memory = files.resuming() ? checkResumed(files.resumedMemory(), dictionary, system) : initialMemory(system, dictionary);
            LagRun run;
            try {
                run = new LagRun(system, memory, model, verify);
            } catch (LagException e) {
                throw new Cli.Failure(ExitCode.BAD_INPUT, (resume != null ? resume + ": " : "") + e.getMessage());
            }
            Machine.Builder builder = run.configure(files.configure(Machine.builder()).limits(runOptions.limits()).retries(runOptions.cycleRetries())
                    .writer(runOptions.writer()));
            RunResult result = files.run(builder.build(), memory);
            LagRun.Summary s = run.summarise(result);
            report(s, compiled, system, checkpointFile, machineLag == null || s.queue() == null || !s.ran() ? null : decode(memory, s));
            if (result.status() == RunResult.Status.HALTED) return ExitCode.OK.code();
            return ExitCode.of(result).code();
        }
    }

    private BiTagLag compile() {
        try {
            BiTagProgram p = BiTagFormat.read(bitag);
            BiTagLag c = BiTagLag.compile(p.system(), p.name());
            Word start = word == null ? p.word() : Word.parse(word);
            if (start == null) throw new Cli.Failure(ExitCode.USAGE, "--word '" + word + "': not a list of symbols a<i>/e<j>");
            p.system().checkWord(start);
            this.startQueue = c.encode(start);
            return c;
        } catch (BiTagException e) {
            throw new Cli.Failure(word != null && e.getMessage().startsWith("word") ? ExitCode.USAGE : ExitCode.BAD_INPUT, e.getMessage());
        }
    }

    private int[] startQueue;
    /** The rule file's own queue (JSON), empty when it has none. */
    private int[] rulesQueue;

    private Memory initialMemory(LagSystem system, Dictionary dictionary) {
        try {
            int[] q = startQueue != null ? startQueue
                    : queue != null ? system.parseQueue(queue, "--queue")
                    : rulesQueue;
            if (q.length == 0) throw new Cli.Failure(ExitCode.USAGE, "no queue: give --queue SYMBOLS (the rule file has none)");
            return LagImage.of(dictionary, q);
        } catch (LagException e) {
            throw new Cli.Failure(queue != null ? ExitCode.USAGE : ExitCode.BAD_INPUT, e.getMessage());
        }
    }

    private Memory checkResumed(Memory memory, Dictionary dictionary, LagSystem system) {
        if (!dictionary.prefix().equals(memory.read(LagImage.DICT))) {
            throw new Cli.Failure(ExitCode.BAD_INPUT, resume + ": the checkpoint's dictionary is not the one of these rules in this order (same --rules and --seed as the run?)");
        }
        if (tm.given()) {
            int[] history = LagImage.history(memory, system);
            if (history.length < startQueue.length || !Arrays.equals(Arrays.copyOf(history, startQueue.length), startQueue)) {
                throw new Cli.Failure(ExitCode.BAD_INPUT, resume + ": the checkpoint's run did not start from this input (give the run's --tape, --head or --bitag)");
            }
        }
        return memory;
    }

    /** The machine configuration the queue holds; none after a mismatch left a queue that holds none. */
    private LagMachine.Decoded decode(Memory memory, LagRun.Summary s) {
        try {
            return tm.decode(memory);
        } catch (LagException e) {
            if (s.mismatches() > 0) return null;
            throw new Cli.Failure(ExitCode.BAD_INPUT, "the queue does not hold a machine configuration: " + e.getMessage());
        }
    }

    /** Writes the system (and the start queue, when there is one) as --write-rules asks. */
    private int writeRules(LagProgram program) {
        LagSystem system = program.system();
        int[] q = startQueue != null ? startQueue : program.queue();
        boolean json = writeRules.getFileName().toString().endsWith(".json");
        LagSystem written = json || system.symbolWidth() > 0 ? system : Rename.toLetters(system, 2);
        String text = json ? LagJson.toJson(new LagProgram(system, q)) : RuleFormat.format(written);
        Cli.writing(writeRules, () -> AtomicFiles.write(writeRules, text.getBytes(StandardCharsets.UTF_8)));
        PrintWriter err = spec.commandLine().getErr();
        err.printf("lag-run: wrote %,d rules over %,d symbols to %s (%s)%n", system.ruleCount(), system.symbolCount(), writeRules,
                json ? "JSON with the start queue" : written == system ? "KEY:VALUE" : "KEY:VALUE, symbols renamed to " + written.symbolWidth() + " letters");
        err.flush();
        if (!json && q.length > 0) {
            spec.commandLine().getOut().println("start queue: " + written.join(q));
            spec.commandLine().getOut().flush();
        }
        return ExitCode.OK.code();
    }

    private Processor processor(LagSystem system) {
        return ModelOptions.processor(backend, ModelOptions.backendName(backend), ModelOptions.LAG_MAX_TOKENS, () -> new LagReferenceProcessor(system));
    }

    private static String word(BiTagLag compiled, LagSystem system, LagRun.Summary s) {
        if (s.queue() == null) return null;
        return s.queueLength() < 2 ? "" : compiled.decode(system.parseQueue(s.queue(), "queue")).toString();
    }

    /** The verification line: off, none (no cycle ran: nothing was checked), every cycle matched, or the first mismatch. */
    private static String verification(LagRun.Summary s) {
        if (!s.checked()) return "off";
        if (s.cycles() == 0) return "none, no cycle ran";
        return s.mismatches() == 0 ? "the " + Cli.count(s.cycles(), "cycle") + " matched the reference interpreter" : "mismatch at " + s.error();
    }

    /**
     * What the run did, on standard error: how it ended, the verification and the decoded machine;
     * on standard output the word, tape or queue (or the JSON summary), none of them when no cycle ran. Every line goes through
     * {@link Cli#printable}: the model's answers are in them.
     */
    private void report(LagRun.Summary s, BiTagLag compiled, LagSystem system, Path checkpointFile, LagMachine.Decoded decoded) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String end = switch (s.status()) {
            case "halted" -> "halted (" + s.haltReason() + ") after " + Cli.count(s.steps(), "step");
            case "step_limit", "time_limit", "call_limit" -> "not halted: limit reached after " + Cli.count(s.steps(), "step");
            case "interrupted" -> "interrupted after " + Cli.count(s.cycles(), "cycle");
            default -> s.status() + " after " + Cli.count(s.cycles(), "cycle") + ": " + s.error();
        };
        if (!s.halted() && checkpointFile != null) end += "; checkpoint in " + checkpointFile + " (go on with --resume " + checkpointFile + ")";
        String queue = s.queue() == null ? "memory holds no queue (a wrong write)" : "queue of " + Cli.count(s.queueLength(), "symbol");
        err.println(Cli.printable(String.format(java.util.Locale.ROOT, "lag-run: %s (%s, %s, %s, %.2f s), %s", end, Cli.count(s.cycles(), "cycle"),
                Cli.count(s.modelCalls(), "model call"), Cli.count(s.cacheHits(), "cache hit"), s.seconds(), queue)));
        err.println(Cli.printable("lag-run: verification: " + verification(s)));
        if (decoded != null) err.println(Cli.printable("lag-run: decoded: " + decodedLine(decoded, s.steps())));
        err.flush();
        if (runOptions.json) {
            var o = s.toJson();
            if (compiled != null && s.ran()) o.put("finalWord", word(compiled, system, s));
            else if (compiled != null) o.putNull("finalWord"); // no cycle ran: no word is a result of the run
            if (decoded != null) putDecoded(o, decoded);
            out.println(o.toPrettyString());
        } else if (!s.ran()) {
            return; // nothing was run: no word, tape or queue is a result of it
        } else if (decoded != null) {
            out.println(tapeLine(decoded, s.halted()));
        } else if (s.queue() == null) {
            out.println("queue so far (not halted): none: a wrong write left memory without one");
        } else if (compiled != null) {
            out.println((s.halted() ? "final word: " : "word so far (not halted): ") + word(compiled, system, s));
        } else {
            String q = s.queue();
            out.println((s.halted() ? "final queue: " : "queue so far (not halted): ") + (q.length() <= 200 ? q : q.substring(0, 200) + " ..."));
        }
        out.flush();
    }

    /** Steps, passes, state, head and the comparison with the reference machine, in one line. */
    private static String decodedLine(LagMachine.Decoded d, long lagSteps) {
        TuringLag.Replay r = d.replay();
        String cost = r.machineSteps() == 0 ? "" : String.format(" (%,.1f Lag steps per machine step)", (double) lagSteps / r.machineSteps());
        return String.format("%s in %s%s; state %s, head at cell %d; %s", Cli.count(r.machineSteps(), "machine step"), String.format(java.util.Locale.ROOT, "%,d whole pass%s", r.passes(), r.passes() == 1 ? "" : "es"),
                cost, r.configuration().state(), r.head(), d.matchesReference()
                        ? "the reference machine is in the same configuration after as many steps" + (d.referenceHalted() ? " (halted)" : "")
                        : "MISMATCH: the reference machine is elsewhere after as many steps");
    }

    private String tapeLine(LagMachine.Decoded d, boolean halted) {
        var t = d.trimmed(tm.blank());
        String text = t.text();
        String shown = text.length() <= 200 ? text : text.substring(0, 100) + " ... (" + (text.length() - 200) + " more cells) ... " + text.substring(text.length() - 100);
        return Cli.printable((halted ? "final tape" : "tape so far (not halted; at the last whole pass)") + " (from cell " + t.first() + "): " + shown);
    }

    private void putDecoded(com.fasterxml.jackson.databind.node.ObjectNode o, LagMachine.Decoded d) {
        TuringLag.Replay r = d.replay();
        var t = d.trimmed(tm.blank());
        o.put("machineSteps", r.machineSteps());
        o.put("passes", r.passes());
        o.put("state", r.configuration().state());
        o.put("head", r.head());
        o.put("finalTape", t.text());
        o.put("finalTapeStart", t.first());
        o.put("matchesReference", d.matchesReference());
    }
}
