package dev.mnemos.cli.utm;

import dev.mnemos.cli.Cli;
import dev.mnemos.cli.ExitCode;
import dev.mnemos.runtime.memory.Memory;
import dev.mnemos.utm.bitag.BiTagCompiler;
import dev.mnemos.utm.bitag.BiTagException;
import dev.mnemos.utm.bitag.BiTagFormat;
import dev.mnemos.utm.bitag.BiTagProgram;
import dev.mnemos.utm.bitag.U152Tape;
import dev.mnemos.utm.bitag.Word;
import dev.mnemos.utm.lag.LagException;
import dev.mnemos.utm.lag.TuringLag;
import dev.mnemos.utm.lag.run.LagImage;
import dev.mnemos.utm.machine.TuringMachine;
import dev.mnemos.utm.machine.U152;
import dev.mnemos.utm.sim.Simulator;
import dev.mnemos.utm.sim.Tape;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * lag-run's Turing machine input (a picocli mixin): {@code --machine} compiled to one Lag system by
 * {@link TuringLag}, its tape from {@code --tape}/{@code --head} or, for U15,2, a bi-tag program
 * compiled onto its tape; and the machine configuration read back from the run's queue.
 */
@Command(addMethodSubcommands = false) // (see Cli: no scan of its methods for subcommands at start-up)
public class LagMachine {

    /** The name that selects the built-in U15,2. */
    static final String U152_NAME = "u15_2";

    @Option(names = "--machine", paramLabel = "FILE|u15_2",
            description = "A Turing machine to compile to one Lag system: a machine file (JSON, as utm-run takes) or u15_2, the built-in U15,2.")
    String machine;

    @Option(names = "--tape", paramLabel = "CELLS", description = "With --machine: the input tape from cell 0, one character per cell (1011) or symbols separated by spaces.")
    String tape;

    @Option(names = "--head", paramLabel = "CELL", description = "With --tape: where the head starts. Default: 0.")
    Long head;

    @Option(names = "--cells-per-symbol", paramLabel = "N",
            description = "With --machine: tape cells per Lag symbol. 1 (default) makes the fewest rules (U15,2: 328); 2 makes more (U15,2: 1,088) and takes about a quarter of the Lag steps.")
    Integer width;

    /** The compiled machine and its start, once {@link #compile} ran. */
    private TuringLag compiled;
    private Tape startTape;
    private long startHead;

    boolean given() {
        return machine != null;
    }

    /** The machine file --machine names, or null (none, or the built-in U15,2). */
    Path file() {
        return machine == null || machine.equals(U152_NAME) ? null : Path.of(machine);
    }

    /** Checks the options; {@code inputNeeded} is false when the system is only written (--write-rules). */
    void check(boolean bitag, String word, boolean inputNeeded) {
        if (!given()) {
            if (tape != null || head != null || width != null) throw new Cli.Failure(ExitCode.USAGE, "--tape, --head and --cells-per-symbol go with --machine");
            return;
        }
        if (head != null && tape == null) throw new Cli.Failure(ExitCode.USAGE, "--head goes with --tape");
        if (width != null && width < 1) throw new Cli.Failure(ExitCode.USAGE, "--cells-per-symbol must be 1 or more, got " + width);
        if (bitag && tape != null) throw new Cli.Failure(ExitCode.USAGE, "give --tape or --bitag, not both");
        if (bitag && !machine.equals(U152_NAME)) throw new Cli.Failure(ExitCode.USAGE, "--bitag with --machine runs on U15,2: give --machine " + U152_NAME);
        if (inputNeeded && !bitag && tape == null) throw new Cli.Failure(ExitCode.USAGE, "give the machine's input: --tape CELLS (or, with --machine u15_2, --bitag FILE)");
        if (word != null && !bitag) throw new Cli.Failure(ExitCode.USAGE, "--word goes with --bitag");
    }

    /** Compiles the machine and places its input (the bi-tag program's tape when {@code bitag} is given). */
    TuringLag compile(Path bitag, String word) {
        TuringMachine m = machine.equals(U152_NAME) ? U152.machine() : InputOptions.readMachine(Path.of(machine));
        if (bitag != null) {
            U152Tape t = BiTagCompiler.compile(program(bitag, word));
            startTape = t.tape();
            startHead = t.head();
        } else if (tape != null) {
            try {
                startTape = Tape.parse(tape, m);
            } catch (IllegalArgumentException e) {
                throw new Cli.Failure(ExitCode.USAGE, "--tape: " + e.getMessage());
            }
            startHead = head == null ? 0 : head;
        }
        try {
            compiled = TuringLag.compile(m, m.name(), width == null ? 1 : width);
        } catch (LagException e) {
            throw new Cli.Failure(ExitCode.USAGE, "--cells-per-symbol: " + e.getMessage());
        }
        return compiled;
    }

    private static BiTagProgram program(Path file, String word) {
        try {
            BiTagProgram p = BiTagFormat.read(file);
            if (word == null) return p;
            Word w = Word.parse(word);
            if (w == null) throw new Cli.Failure(ExitCode.USAGE, "--word '" + word + "': not a list of symbols a<i>/e<j>");
            p.system().checkWord(w);
            return new BiTagProgram(p.name(), p.system(), w);
        } catch (BiTagException e) {
            throw new Cli.Failure(word != null && e.getMessage().startsWith("word") ? ExitCode.USAGE : ExitCode.BAD_INPUT, e.getMessage());
        }
    }

    String blank() {
        return compiled.machine().blank();
    }

    /** The start queue, empty when no input was given (the system is only written). */
    int[] startQueue() {
        return startTape == null ? new int[0] : compiled.encode(startTape, startHead);
    }

    /**
     * The machine configuration the run's queue holds, read back from its history in memory, and
     * the reference simulator's after as many steps, for comparison.
     */
    Decoded decode(Memory memory) {
        TuringLag.Replay r = compiled.replay(LagImage.history(memory, compiled.lag()), (int) memory.readLong(LagImage.FRONT),
                TuringLag.firstCell(startTape, startHead));
        Simulator sim = new Simulator(compiled.machine(), startTape, startHead);
        sim.run(r.machineSteps());
        String blank = compiled.machine().blank();
        boolean same = sim.tape().trim(blank).equals(r.configuration().tape(r.firstCell()).trim(blank)) && sim.head() == r.head()
                && sim.stateName().equals(r.configuration().state());
        return new Decoded(r, same, sim.halted());
    }

    /** A decoded run: the replay, whether the reference machine is in the same configuration after its steps, and halted there. */
    record Decoded(TuringLag.Replay replay, boolean matchesReference, boolean referenceHalted) {

        /** The tape without blank margins, as utm-run prints it. */
        Tape trimmed(String blank) {
            return replay.configuration().tape(replay.firstCell()).trim(blank);
        }
    }
}
