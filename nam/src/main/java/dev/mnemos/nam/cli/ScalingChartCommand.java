package dev.mnemos.nam.cli;

import dev.mnemos.nam.study.ScalingChart;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "scaling-chart", mixinStandardHelpOptions = true,
        description = {"Draws the attention scaling chart (time per call against sequence length S, log-log) from",
            "the CSV that JMH writes with -rf csv -rff FILE for AttentionBenchmark."})
final class ScalingChartCommand implements Callable<Integer> {

    @Parameters(paramLabel = "JMH_CSV", description = "JMH result file (-rf csv).")
    Path input;

    @Option(names = "--svg", defaultValue = "nam/docs/attention-scaling.svg", description = "SVG output. Default: ${DEFAULT-VALUE}.")
    Path svg;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(input)) {
            System.err.println("nam: no such file: " + input);
            return 2;
        }
        ScalingChart.fromJmhCsv(Files.readAllLines(input)).write(svg);
        System.err.println("wrote " + svg);
        return 0;
    }
}
