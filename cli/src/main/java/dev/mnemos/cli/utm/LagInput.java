package dev.mnemos.cli.utm;

import dev.mnemos.cli.Cli;
import dev.mnemos.cli.ExitCode;
import dev.mnemos.utm.lag.LagException;
import dev.mnemos.utm.lag.LagJson;
import dev.mnemos.utm.lag.LagProgram;
import dev.mnemos.utm.lag.RuleFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The Lag system options of lag-check and lag-run (a picocli mixin): the rule file and its symbol width. */
@Command(addMethodSubcommands = false) // (see Cli: no scan of its methods for subcommands at start-up)
public class LagInput {

    @Option(names = "--rules", paramLabel = "FILE",
            description = "The Lag system: KEY:VALUE lines (their format), or our JSON format when the name ends in .json.")
    Path rules;

    @Option(names = "--width", paramLabel = "N",
            description = "Symbol width in characters of a KEY:VALUE file. Default: half the first key's length.")
    int width;

    /** The program in --rules; a bad file is a BAD_INPUT failure naming it. */
    LagProgram read() {
        if (rules == null) throw new Cli.Failure(ExitCode.USAGE, "--rules FILE is needed (the Lag system)");
        if (width < 0) throw new Cli.Failure(ExitCode.USAGE, "--width must be 1 or more, got " + width);
        try {
            if (rules.getFileName().toString().endsWith(".json")) return LagJson.read(rules);
            return new LagProgram(RuleFormat.read(rules, width), new int[0]);
        } catch (LagException e) {
            throw new Cli.Failure(ExitCode.BAD_INPUT, e.getMessage());
        }
    }
}
