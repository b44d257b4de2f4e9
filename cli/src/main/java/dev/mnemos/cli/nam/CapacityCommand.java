package dev.mnemos.cli.nam;

import dev.mnemos.cli.Cli;
import dev.mnemos.cli.ExitCode;
import dev.mnemos.cli.OutputPaths;
import dev.mnemos.embed.Encoder;
import dev.mnemos.io.AtomicFiles;
import dev.mnemos.nam.chart.LineChart;
import dev.mnemos.nam.memory.TextEncoder;
import dev.mnemos.nam.study.CapacityStudy;
import dev.mnemos.nam.study.TextPairs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "capacity", addMethodSubcommands = false, mixinStandardHelpOptions = true,
        header = "Capacity study: recall@1 of one NAM matrix as the number of stored pairs grows.",
        description = {"For each number of pairs n, draws n keys and n values, writes them into one NAM matrix "
                + "with sum writing (p_e = 0) and with delta writing (p_w = p_e = 1), asks with every key, and "
                + "counts the answers whose read, cleaned up against the stored values, is the right value. "
                + "An exact nearest-neighbour store over the same pairs is the yardstick.",
            "Writes a CSV table and an SVG chart; prints the table.",
            "Example: bin/nam capacity --data minilm --trials 1 --csv /tmp/c.csv --svg /tmp/c.svg", ""})
final class CapacityCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    enum Data { random, minilm }

    @Option(names = "--data", defaultValue = "random",
            description = "random: random unit vectors; minilm: all-MiniLM-L6-v2 embeddings of generated texts "
                    + "(d = 384). Default: ${DEFAULT-VALUE}.")
    Data data;

    @Option(names = "--centre", description = "Subtract the mean key and the mean value of each draw (then renormalise) "
            + "before storing: takes out the direction all sentence embeddings share.")
    boolean centre;

    @Option(names = "--dimension", defaultValue = "384", description = "d_k = d_v for random vectors. Default: ${DEFAULT-VALUE}.")
    int dimension;

    @Option(names = "--sizes", split = ",", defaultValue = "10,20,50,100,200,300,400,500,750,1000,1500,2000",
            description = "Numbers of stored pairs n. Default: ${DEFAULT-VALUE}.")
    int[] sizes;

    @Option(names = "--query-cosines", split = ",", defaultValue = "1.0,0.8",
            description = "Cosines between each query and its key; 1 asks with the key itself. Default: ${DEFAULT-VALUE}.")
    double[] queryCosines;

    @Option(names = "--trials", defaultValue = "3", description = "Draws per point, averaged. Default: ${DEFAULT-VALUE}.")
    int trials;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--csv", paramLabel = "FILE", description = "CSV output. Default: capacity.csv in the current directory"
            + " (capacity-minilm.csv with --data minilm, -centred with --centre); the tracked ones in nam/docs are written only when named.")
    Path csv;

    @Option(names = "--svg", paramLabel = "FILE", description = "SVG chart output. Default: as --csv, with .svg.")
    Path svg;

    /** The CSV and SVG files: as given, else named by the study in the current directory. */
    List<Path> outputs() {
        String name = "capacity" + (data == Data.minilm ? "-minilm" : "") + (centre ? "-centred" : "");
        return List.of(csv != null ? csv : Path.of(name + ".csv"), svg != null ? svg : Path.of(name + ".svg"));
    }

    /** The study as the options set it; a value it refuses is a usage error naming it. */
    private CapacityStudy.Builder builder() {
        try {
            return CapacityStudy.builder().dimension(dimension).sizes(sizes).trials(trials).seed(seed).queryCosines(queryCosines);
        } catch (IllegalArgumentException e) {
            throw new Cli.Failure(ExitCode.USAGE, e.getMessage());
        }
    }

    @Override
    public Integer call() throws Exception {
        CapacityStudy.Builder study = builder();
        Path csvFile = OutputPaths.check(outputs().get(0));
        Path svgFile = OutputPaths.check(outputs().get(1));
        String what = "random unit vectors, d = " + dimension;
        if (data == Data.minilm) {
            study.source(new TextPairs(miniLm()));
            what = "all-MiniLM-L6-v2 embeddings of generated texts, d = 384";
        }
        if (centre) {
            study.source(CapacityStudy.centred(data == Data.minilm ? new TextPairs(miniLm())
                    : CapacityStudy.randomUnitPairs(dimension)));
            what = what + ", centred";
        }
        List<CapacityStudy.Row> rows = study.build().run();
        String table = CapacityStudy.csv(rows);
        OutputPaths.write(csvFile, () -> AtomicFiles.write(csvFile, table.getBytes(StandardCharsets.UTF_8)));
        LineChart chart = CapacityStudy.chart(rows, "NAM capacity: recall@1 vs stored pairs (" + what + ")");
        OutputPaths.write(svgFile, () -> chart.write(svgFile));
        spec.commandLine().getOut().print(table);
        spec.commandLine().getErr().println("wrote " + csvFile + " and " + svgFile);
        return 0;
    }

    /** The in-process encoder as nam's {@link TextEncoder}, batching as it does. */
    private static TextEncoder miniLm() {
        Encoder encoder = Encoder.miniLm();
        return new TextEncoder() {
            @Override
            public float[] encode(String text) {
                return encoder.encode(text);
            }

            @Override
            public java.util.List<float[]> encodeAll(java.util.List<String> texts) {
                return encoder.encodeAll(texts);
            }
        };
    }
}
