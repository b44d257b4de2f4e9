package dev.mnemos.cli.utm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mnemos.cli.Cli;
import dev.mnemos.cli.ExitCode;
import dev.mnemos.utm.bitag.BiTagProgram;
import dev.mnemos.utm.prompt.PromptSet;
import dev.mnemos.utm.verify.Mismatch;
import dev.mnemos.utm.verify.TraceVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code utm-verify}: checks a trace written earlier by utm-run against the reference machine. */
@Command(name = "utm-verify", addMethodSubcommands = false, mixinStandardHelpOptions = true, versionProvider = Cli.Version.class, sortOptions = false,
        description = {
                "Checks a utm-run trace (JSON Lines, one cycle per line) against the reference machine, offline: "
                        + "for every cycle, which instruction op came to hold, what was written where and where the head "
                        + "went. Give the run's machine and input (--bitag or --tape; none means the worked example). "
                        + "Mismatches are printed as utm-run reports them, one per line (the first 100).",
                ""},
        footer = {"", "Example:",
                "  utm-run --model llama2 --bitag samples/bitag/spec-example.json --trace t.jsonl",
                "  utm-verify t.jsonl --bitag samples/bitag/spec-example.json"})
public final class UtmVerify implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TRACE", description = "The trace utm-run wrote with --trace.")
    Path trace;

    @Mixin
    InputOptions input;

    @Option(names = "--json", description = "Print the result as one JSON object on standard output.")
    boolean json;

    @Option(names = "--partial", description = "Accept a trace that ends before the machine halts (exit 0 when every cycle matched; else such a trace exits 10).")
    boolean partial;

    /** The command line's writers, taken when the command runs. */
    private PrintWriter out;
    private PrintWriter err;

    public static void main(String[] args) {
        Cli.main(new UtmVerify(), args);
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        UtmVerify command = new UtmVerify();
        return Cli.execute(command, args, out, err);
    }

    @Override
    public Integer call() {
        out = spec.commandLine().getOut();
        err = spec.commandLine().getErr();
        input.check();
        BiTagProgram program = input.bitag(true);
        PromptSet prompts = input.prompts();
        InputOptions.Start start = input.start(program);
        TraceVerifier.Report report;
        try {
            report = TraceVerifier.verify(trace, prompts, start.tape(), start.head(), prompts.machine().start());
        } catch (IOException e) {
            throw new Cli.Failure(ExitCode.BAD_INPUT, e.getMessage());
        }
        for (Mismatch m : report.kept()) (json ? err : out).println(Cli.printable(m.toString())); // with --json, standard output is the object alone
        boolean cut = !report.referenceHalted();
        err.printf("utm-verify: %s checked, %s; the reference machine %s after %s%s%n", Cli.count(report.cycles(), "cycle"),
                report.clean() ? "every one matched" : Cli.count(report.mismatches(), "mismatch", "mismatches") + ", the first at step " + report.firstMismatchStep(),
                cut ? "had not halted" : "halted", Cli.count(report.referenceSteps(), "step"),
                cut ? " (the trace ends before the halt: a partial run" + (partial ? ", accepted with --partial)" : "; --partial accepts it)") : "");
        if (json) {
            ObjectNode o = new ObjectMapper().createObjectNode();
            o.put("cycles", report.cycles()).put("mismatches", report.mismatches());
            if (report.firstMismatchStep() == null) o.putNull("firstMismatchStep"); else o.put("firstMismatchStep", report.firstMismatchStep());
            o.put("referenceHalted", report.referenceHalted()).put("referenceSteps", report.referenceSteps());
            var reports = o.putArray("mismatchReports");
            for (Mismatch m : report.kept()) reports.add(m.toString());
            out.println(o);
        }
        if (!report.clean()) return ExitCode.CHECK_FAILED.code();
        return cut && !partial ? ExitCode.LIMIT.code() : ExitCode.OK.code();
    }
}
