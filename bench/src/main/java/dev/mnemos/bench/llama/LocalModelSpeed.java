package dev.mnemos.bench.llama;

import dev.mnemos.runtime.model.Answer;
import dev.mnemos.runtime.model.Processor;
import dev.mnemos.runtime.model.ProcessorConfig;
import dev.mnemos.runtime.model.Processors;
import dev.mnemos.utm.prompt.PromptFiles;
import dev.mnemos.utm.prompt.PromptSet;

import java.util.Locale;

/**
 * The local backend's speed on one model: load time, prompt tokens per second (U15,2's 29
 * transition prompts, one token answered each) and generated tokens per second (a free answer of up
 * to 128 tokens, its prompt's time taken off). Not JMH: each figure is one whole call, as a user
 * meets it; run it on an idle machine and give the load average beside the figures.
 *
 * <pre>java -cp 'bench/target/benchmarks.jar:bench/target/lib/*' dev.mnemos.bench.llama.LocalModelSpeed smollm2-135m 2</pre>
 */
public final class LocalModelSpeed {

    private LocalModelSpeed() {}

    public static void main(String[] args) throws Exception {
        String model = args.length > 0 ? args[0] : "smollm2-135m";
        String threads = args.length > 1 ? args[1] : "2";
        ProcessorConfig.Builder config = ProcessorConfig.builder().backend("local").model(model).option("threads", threads);
        long t0 = System.nanoTime();
        Processor oneToken = Processors.create(config.maxTokens(1).build());
        double load = (System.nanoTime() - t0) / 1e9;

        PromptSet u152 = PromptFiles.u152();
        long promptTokens = 0;
        long promptNanos = 0;
        for (PromptSet.Transition t : u152.transitions()) {
            long s = System.nanoTime();
            Answer a = oneToken.process(t.prompt());
            promptNanos += System.nanoTime() - s;
            promptTokens += a.inputTokens();
        }
        double promptRate = promptTokens / (promptNanos / 1e9);

        Processor free = Processors.create(config.maxTokens(128).build());
        String prompt = "Once upon a time, in a village by the sea, there lived";
        long s = System.nanoTime();
        Answer a = free.process(prompt);
        double seconds = (System.nanoTime() - s) / 1e9 - a.inputTokens() / promptRate;
        System.out.printf(Locale.ROOT, "%s, %s threads: load %.2f s; prompt %,d tokens in %.1f s = %.0f tokens/s; generated %d tokens = %.0f tokens/s%n",
                model, threads, load, promptTokens, promptNanos / 1e9, promptRate, a.outputTokens(), a.outputTokens() / seconds);
        System.exit(0);
    }
}
