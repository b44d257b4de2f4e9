package dev.mnemos.cli.utm;

import dev.mnemos.cli.Cli;
import dev.mnemos.cli.ExitCode;
import dev.mnemos.utm.bitag.BiTagCompiler;
import dev.mnemos.utm.bitag.BiTagException;
import dev.mnemos.utm.bitag.BiTagExamples;
import dev.mnemos.utm.bitag.BiTagFormat;
import dev.mnemos.utm.bitag.BiTagProgram;
import dev.mnemos.utm.bitag.U152Tape;
import dev.mnemos.utm.bitag.Word;
import dev.mnemos.utm.machine.MachineException;
import dev.mnemos.utm.machine.MachineFormat;
import dev.mnemos.utm.machine.TuringMachine;
import dev.mnemos.utm.machine.U152;
import dev.mnemos.utm.prompt.PromptCompiler;
import dev.mnemos.utm.prompt.PromptFiles;
import dev.mnemos.utm.prompt.PromptSet;
import dev.mnemos.utm.sim.Tape;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The machine and its input, as utm-run and utm-verify take them (a picocli mixin). */
@Command(addMethodSubcommands = false) // (see Cli: no scan of its methods for subcommands at start-up)
public class InputOptions {

    @Option(names = "--machine", paramLabel = "FILE", description = "A machine file (JSON). Default: U15,2, built in.")
    Path machineFile;

    @Option(names = "--bitag", paramLabel = "FILE", description = "A bi-tag program file (JSON) to run on U15,2.")
    Path bitagFile;

    @Option(names = "--word", paramLabel = "WORD", description = "Start the bi-tag program on this word instead of the file's, e.g. \"e1 a1\".")
    String word;

    @Option(names = "--tape", paramLabel = "CELLS", description = "The input tape from cell 0: one character per cell (1011), or symbols separated by spaces.")
    String tape;

    @Option(names = "--head", paramLabel = "CELL", description = "Where the head starts with --tape. Default: 0.")
    Long head;

    /** An initial configuration: the tape and the head; the machine starts in its start state. */
    public record Start(Tape tape, long head) {}

    private TuringMachine machine;

    /** Whether --tape (or --head) was given. */
    boolean tapeGiven() {
        return tape != null;
    }

    void check() {
        if (tape != null && bitagFile != null) throw new Cli.Failure(ExitCode.USAGE, "give --tape or --bitag, not both");
        if (word != null && bitagFile == null) throw new Cli.Failure(ExitCode.USAGE, "--word goes with --bitag FILE");
        if (head != null && tape == null) throw new Cli.Failure(ExitCode.USAGE, "--head goes with --tape (a bi-tag program places the head itself)");
    }

    TuringMachine machine() {
        if (machine != null) return machine;
        return machine = machineFile == null ? U152.machine() : readMachine(machineFile);
    }

    /** A machine file; a bad one fails with BAD_INPUT. */
    static TuringMachine readMachine(Path file) {
        try {
            return MachineFormat.read(file);
        } catch (MachineException e) {
            throw new Cli.Failure(ExitCode.BAD_INPUT, e.getMessage());
        }
    }

    boolean isU152() {
        return machine().equals(U152.machine());
    }

    /**
     * The bi-tag program: --bitag (with --word), the worked example when {@code defaultToExample}
     * and no other input is given, else null.
     */
    BiTagProgram bitag(boolean defaultToExample) {
        if (bitagFile == null && (tape != null || !defaultToExample || !isU152())) return null;
        if (!isU152()) throw new Cli.Failure(ExitCode.USAGE, "--bitag runs on U15,2; leave out --machine");
        try {
            BiTagProgram p = bitagFile == null ? BiTagExamples.worked() : BiTagFormat.read(bitagFile);
            if (word == null) return p;
            Word w = Word.parse(word);
            if (w == null) throw new BiTagException("--word '" + word + "': not a list of symbols a<i>/e<j>");
            return new BiTagProgram(p.name(), p.system(), w);
        } catch (BiTagException e) {
            throw new Cli.Failure(ExitCode.BAD_INPUT, e.getMessage());
        }
    }

    /** The machine's prompts: the shipped ones for U15,2, else the compiler's. */
    PromptSet prompts() {
        return isU152() ? PromptFiles.u152() : PromptCompiler.compile(machine());
    }

    /** Where the run starts: the compiled bi-tag program, or --tape and --head. */
    Start start(BiTagProgram program) {
        if (program != null) {
            U152Tape t = BiTagCompiler.compile(program);
            return new Start(t.tape(), t.head());
        }
        if (tape == null) throw new Cli.Failure(ExitCode.USAGE, "give the input: --tape CELLS (or --bitag FILE for U15,2)");
        try {
            return new Start(Tape.parse(tape, machine()), head == null ? 0 : head);
        } catch (IllegalArgumentException e) {
            throw new Cli.Failure(ExitCode.USAGE, "--tape: " + e.getMessage());
        }
    }
}
