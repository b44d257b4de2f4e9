package dev.mnemos.cli.utm;

import java.util.ListResourceBundle;

/**
 * lag-check's and lag-run's words for shared options, by description key (picocli reads an
 * option's description from the command's resource bundle when it has one): the bench options'
 * (lag-check only) and the model's answer bounds, which are a Lag command's own.
 */
public final class LagHelp extends ListResourceBundle {

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
