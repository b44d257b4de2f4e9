package dev.mnemos.cli.utm;

import dev.mnemos.cli.Cli;
import java.util.ListResourceBundle;
import picocli.CommandLine;

/**
 * lag-check's and lag-run's words for shared options, by description key (picocli reads an
 * option's description from the command's resource bundle when it has one): the bench options'
 * (lag-check only) and the model's answer bounds, which are a Lag command's own.
 */
public final class LagHelp extends ListResourceBundle {

    /**
     * The command line of lag-check or lag-run with these words. (Given to the command line, not
     * named in {@code @Command(resourceBundle = ...)}: a bundle named there is looked up by name
     * through the class path and the JDK's modules at every start, which made lag-run's whole
     * process 1.19x the CPU.)
     */
    public static CommandLine commandLine(Object command) {
        CommandLine cl = Cli.commandLine(command);
        cl.setResourceBundle(new LagHelp());
        return cl;
    }

    @Override
    protected Object[][] getContents() {
        return new Object[][] {
                {"samples", "Answers asked for per rule. Default: ${DEFAULT-VALUE}."},
                {"repair", "Repeat failing rules in the dictionary and check again, until all pass or the budget is spent."},
                {"rounds", "Repair rounds at most. Default: ${DEFAULT-VALUE}."},
                {"maxCalls", "Model calls at most over the whole repair; a round that would go past it is not started."},
                ModelOptions.maxTokensHelp(ModelOptions.LAG_MAX_TOKENS),
                ModelOptions.stopHelp()};
    }
}
