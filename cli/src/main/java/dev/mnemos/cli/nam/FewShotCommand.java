package dev.mnemos.cli.nam;

import dev.mnemos.cli.Cli;
import dev.mnemos.cli.OutputPaths;
import dev.mnemos.embed.Encoder;
import dev.mnemos.io.AtomicFiles;
import dev.mnemos.nam.chart.LineChart;
import dev.mnemos.nam.fewshot.Centred;
import dev.mnemos.nam.fewshot.FewShotStudy;
import dev.mnemos.nam.fewshot.NamClassifier;
import dev.mnemos.nam.fewshot.PrototypeClassifier;
import dev.mnemos.nam.fewshot.TopicTexts;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "few-shot", addMethodSubcommands = false, mixinStandardHelpOptions = true,
        header = "NAM few-shot classification against a cosine-prototype classifier, on MiniLM embeddings.",
        description = {"Embeds the generated topic texts (12 topics, 36 texts each) with all-MiniLM-L6-v2 in process, then "
                + "runs N-way K-shot episodes: the support set written into a NAM memory (key the embedding, value the "
                + "one-hot class) or averaged into prototypes; queries of the support classes and of N other classes. "
                + "Prints accuracy, the false-positive rate on the other classes' queries at the threshold that keeps "
                + "90% of the support classes' queries, and the AUROC; writes a CSV and a chart.",
            "Example: bin/nam few-shot --episodes 100 --csv /tmp/f.csv --svg /tmp/f.svg", ""})
final class FewShotCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--ways", defaultValue = "5", description = "N, classes per support set (at most 6). Default: ${DEFAULT-VALUE}.")
    int ways;

    @Option(names = "--shots", split = ",", defaultValue = "1,5", description = "K, examples per class. Default: ${DEFAULT-VALUE}.")
    int[] shots;

    @Option(names = "--queries", defaultValue = "5", description = "Queries per class per episode. Default: ${DEFAULT-VALUE}.")
    int queries;

    @Option(names = "--episodes", defaultValue = "500", description = "Episodes per K. Default: ${DEFAULT-VALUE}.")
    int episodes;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the episodes. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--csv", defaultValue = "few-shot.csv", paramLabel = "FILE", description = "CSV output. Default: ${DEFAULT-VALUE} here.")
    Path csv;

    @Option(names = "--svg", defaultValue = "few-shot.svg", paramLabel = "FILE", description = "Chart output. Default: ${DEFAULT-VALUE} here.")
    Path svg;

    @Override
    public Integer call() throws Exception {
        OutputPaths.check(csv);
        OutputPaths.check(svg);
        FewShotStudy study = Usage.of(() -> FewShotStudy.builder().ways(ways).shots(shots).queries(queries).episodes(episodes)
                .seed(seed).classifier(PrototypeClassifier::new).classifier(() -> new Centred(new PrototypeClassifier()))
                .classifier(NamClassifier::new).classifier(() -> new Centred(new NamClassifier()))
                .classifier(() -> new NamClassifier(1f, 0f, 1)).build());
        List<TopicTexts.Text> texts = TopicTexts.all(seed);
        PrintWriter err = spec.commandLine().getErr();
        err.println("embedding " + Cli.count(texts.size(), "text") + " with all-MiniLM-L6-v2...");
        err.flush();
        List<float[]> embeddings = Encoder.miniLm().encodeAll(texts.stream().map(TopicTexts.Text::text).toList());
        List<String> labels = TopicTexts.labels();
        int[] classes = texts.stream().mapToInt(t -> labels.indexOf(t.label())).toArray();
        List<FewShotStudy.Row> rows = Usage.of(() -> study.run(embeddings, classes, labels.size()));
        String table = FewShotStudy.markdown(rows);
        OutputPaths.write(csv, () -> AtomicFiles.write(csv, FewShotStudy.csv(rows).getBytes(StandardCharsets.UTF_8)));
        LineChart chart = FewShotStudy.chart(rows, ways + "-way few-shot on MiniLM embeddings: false positives (queries of other classes kept) "
                + "against support-class queries kept; solid " + shots[0] + "-shot" + (shots.length > 1 ? ", dashed the others" : ""));
        OutputPaths.write(svg, () -> chart.write(svg));
        spec.commandLine().getOut().print(table);
        err.println("wrote " + csv + " and " + svg);
        return 0;
    }
}
