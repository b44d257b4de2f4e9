package dev.mnemos.cli.nam;

import dev.mnemos.cli.Cli;
import dev.mnemos.cli.OutputPaths;
import dev.mnemos.embed.Encoder;
import dev.mnemos.facts.FactMemory;
import dev.mnemos.facts.Reading;
import dev.mnemos.facts.eval.FactBenchmark;
import dev.mnemos.facts.eval.FactEditingSet;
import dev.mnemos.facts.eval.FactSystem;
import dev.mnemos.facts.eval.MemoryFacts;
import dev.mnemos.facts.langchain4j.EmbeddingStoreFacts;
import dev.mnemos.io.AtomicFiles;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "facts", addMethodSubcommands = false, mixinStandardHelpOptions = true,
        header = "The fact-editing benchmark of facts/README.md: the fact memory against LangChain4j's InMemoryEmbeddingStore.",
        description = {"Generates people with four facts each (asked about in other words than the facts are written in) "
                + "and mentor chains of 2 to 4 hops, writes them all into each system, edits a share (the old fact "
                + "forgotten, a new value written) and forgets a share, then asks every question: recall of the facts "
                + "held, of the old values of edited facts and of forgotten facts (both should be about nil), the chance "
                + "level (never-written facts), hop accuracy, size and time per operation. Texts are embedded with "
                + "all-MiniLM-L6-v2 in process, once, before the timing.",
            "Example: bin/nam facts --people 250 --chains 30 --slots 1024", ""})
final class FactsCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--people", defaultValue = "750", description = "People, four facts each. Default: ${DEFAULT-VALUE}.")
    int people;

    @Option(names = "--chains", defaultValue = "99", description = "Mentor chains (2, 3 and 4 hops in turn). Default: ${DEFAULT-VALUE}.")
    int chains;

    @Option(names = "--edited", defaultValue = "0.1", description = "Share of the people's facts edited. Default: ${DEFAULT-VALUE}.")
    double edited;

    @Option(names = "--forgotten", defaultValue = "0.1", description = "Share forgotten (others than the edited). Default: ${DEFAULT-VALUE}.")
    double forgotten;

    @Option(names = "--slots", split = ",", defaultValue = "2048",
            description = "Slots K of the fact memory, one run per value. Default: ${DEFAULT-VALUE}.")
    int[] slots;

    @Option(names = "--pseudo-inverse", description = "Also run the memory with Larimar's pseudo-inverse read (largest --slots).")
    boolean pseudoInverse;

    @Option(names = "--seed", defaultValue = "7", description = "Seed of the set. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--csv", paramLabel = "FILE", description = "Also write the rows as CSV (the directory must exist).")
    Path csv;

    @Override
    public Integer call() throws Exception {
        Cli.atLeast("--people", people, 1);
        Cli.atLeast("--chains", chains, 0);
        if (csv != null) {
            OutputPaths.check(csv);
        }
        FactEditingSet set = Usage.of(() -> FactEditingSet.generate(seed, people, chains, edited, forgotten));
        PrintWriter err = spec.commandLine().getErr();
        Encoder encoder = Encoder.miniLm();
        List<String> texts = set.texts();
        err.println("embedding " + Cli.count(texts.size(), "text") + " with all-MiniLM-L6-v2...");
        err.flush();
        encoder.encodeAll(texts);
        List<FactSystem> systems = new ArrayList<>();
        systems.add(new EmbeddingStoreFacts(encoder::encode));
        for (int k : slots) {
            systems.add(new MemoryFacts("fact memory, K = " + k, memory(encoder, k, Reading.SETTLING)));
        }
        if (pseudoInverse) {
            int k = java.util.Arrays.stream(slots).max().orElseThrow();
            systems.add(new MemoryFacts("fact memory, K = " + k + ", pseudo-inverse read", memory(encoder, k, Reading.PSEUDO_INVERSE)));
        }
        return report(set, systems, err);
    }

    private int report(FactEditingSet set, List<FactSystem> systems, PrintWriter err) {
        FactBenchmark bench = new FactBenchmark(set);
        List<FactBenchmark.Result> results = new ArrayList<>();
        for (FactSystem s : systems) {
            results.add(bench.run(s, line -> {
                err.println(line);
                err.flush();
            }));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(FactBenchmark.HEADER);
        results.forEach(r -> out.println(r.row()));
        if (csv != null) {
            StringBuilder rows = new StringBuilder("system,facts,current,stale,forgotten,chance,hops2,hops3,hops4,bytes,"
                    + "ms_write,ms_forget,ms_read,refused\n");
            for (FactBenchmark.Result r : results) {
                rows.append(String.format(Locale.ROOT, "\"%s\",%d,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f,%d,%.3f,%.3f,%.3f,%d%n",
                        r.system(), r.facts(), r.current(), r.stale(), r.forgotten(), r.chance(), r.hops()[0], r.hops()[1],
                        r.hops()[2], r.bytes(), r.msPerWrite(), r.msPerForget(), r.msPerRead(), r.refused()));
            }
            OutputPaths.write(csv, () -> AtomicFiles.write(csv, rows.toString().getBytes(StandardCharsets.UTF_8)));
        }
        return 0;
    }

    private static FactMemory memory(Encoder encoder, int slots, Reading reading) {
        return FactMemory.builder().encoder(encoder::encode).slots(slots).reading(reading).build();
    }
}
