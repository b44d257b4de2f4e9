package dev.mnemos.cli.nam;

import dev.mnemos.cli.OutputPaths;
import dev.mnemos.nam.chart.LineChart;
import dev.mnemos.nam.study.ScalingChart;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "scaling-chart", addMethodSubcommands = false, mixinStandardHelpOptions = true,
        header = "Draws the attention scaling chart from a JMH result file.",
        description = {"Reads the CSV that JMH writes with -rf csv -rff FILE for AttentionBenchmark and draws "
                + "milliseconds per call against sequence length S, log-log, one line per method.",
            "Example: bin/nam scaling-chart /tmp/attention.csv --svg /tmp/attention-scaling.svg", ""})
final class ScalingChartCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "JMH_CSV", description = "JMH result file (-rf csv).")
    Path input;

    @Option(names = "--svg", defaultValue = "attention-scaling.svg", paramLabel = "FILE",
            description = "SVG output. Default: ${DEFAULT-VALUE} in the current directory.")
    Path svg;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(input)) {
            throw new NoSuchFileException(input.toString());
        }
        OutputPaths.check(svg);
        LineChart chart = ScalingChart.fromJmhCsv(Files.readAllLines(input));
        OutputPaths.write(svg, () -> chart.write(svg));
        spec.commandLine().getErr().println("wrote " + svg);
        return 0;
    }
}
