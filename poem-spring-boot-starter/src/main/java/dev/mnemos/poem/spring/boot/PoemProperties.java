package dev.mnemos.poem.spring.boot;

import dev.mnemos.poem.action.Permutation;
import dev.mnemos.poem.memory.Aggregate;
import dev.mnemos.poem.memory.Weighting;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

import java.time.Duration;

/**
 * POEM's settings under {@code mnemos.poem}. Two are needed: where the memory is
 * ({@code mnemos.poem.memory.file}, or {@code mnemos.poem.memory.data-source=true}) and the pool of
 * examples ({@code mnemos.poem.examples}; not needed when the memory holds its pool, as one made by
 * {@code poem train} does). A value out of range stops start-up with a message naming the property
 * (these properties validate themselves, with or without a Bean Validation provider).
 */
@ConfigurationProperties(prefix = "mnemos.poem")
public class PoemProperties implements Validator {

    /** Whether POEM is configured at all. */
    private boolean enabled = true;

    /** The labelled examples to choose from: a JSON Lines file ({"input": ..., "output": ...} per line), as a path, file: or classpath: location. With a "split" field on each line, the train split. */
    private String examples;

    /** How the examples are written to the model: a task file (JSON, as poem train takes), path, file: or classpath:; default the memory's task, else user turns written as the input itself. */
    private String task;

    /** Examples (shots) per request, 1 to 12. For a new memory; an existing one keeps its own, and a different value given here is refused. Default 4. */
    private Integer m;

    /** Which encoder embeds the queries and examples. */
    private EncoderKind encoder = EncoderKind.AUTO;

    /** The id the application's EmbeddingModel is known by in the memory (e.g. "ollama/nomic-embed-text"): a memory refuses an encoder of another id. Default the model's class name, which does not tell two models of one class apart (start-up warns). */
    private String encoderId;

    /** Distinct texts whose embeddings are kept in memory (the pool first, then queries); past it a text is embedded each time. */
    private int embeddingCacheSize = 10_000;

    private final Memory memory = new Memory();
    private final Read read = new Read();
    private final Autosave autosave = new Autosave();

    /** Which encoder POEM uses. */
    public enum EncoderKind {
        /** The application's Spring AI EmbeddingModel when it has exactly one, else MiniLM. */
        AUTO,
        /** all-MiniLM-L6-v2 in this process (384 dimensions, no server, no download), whatever else the application has. */
        MINILM,
        /** The application's Spring AI EmbeddingModel; start-up fails when it has none. */
        EMBEDDING_MODEL
    }

    /** Where the memory is kept. */
    public static class Memory {

        /** The memory file; made on first start when it does not exist (its directory must). */
        private String file;

        /** Keep the memory in the application's own DataSource (PostgreSQL; needs dev.mnemos:mnemos-poem-postgres), shared by every replica. */
        private boolean dataSource;

        /** Entries (L) a new memory keeps at most; the oldest go first. */
        private int capacity = 100_000;

        /** Distinct states up to which reads scan every state; past it they go through a graph index when mnemos-poem-graph is present. */
        private Integer exactUpTo;

        /** The longest wait for the database (connect, any answer, a statement). */
        private Duration timeout = Duration.ofSeconds(30);

        /** How often episodes are written to the database and other replicas' read from it. */
        private Duration syncEvery = Duration.ofMillis(200);

        public String getFile() { return file; }
        public void setFile(String file) { this.file = file; }
        public boolean isDataSource() { return dataSource; }
        public void setDataSource(boolean dataSource) { this.dataSource = dataSource; }
        public int getCapacity() { return capacity; }
        public void setCapacity(int capacity) { this.capacity = capacity; }
        public Integer getExactUpTo() { return exactUpTo; }
        public void setExactUpTo(Integer exactUpTo) { this.exactUpTo = exactUpTo; }
        public Duration getTimeout() { return timeout; }
        public void setTimeout(Duration timeout) { this.timeout = timeout; }
        public Duration getSyncEvery() { return syncEvery; }
        public void setSyncEvery(Duration syncEvery) { this.syncEvery = syncEvery; }
    }

    /** How the memory is read; each unset value is the memory's own (as poem train tuned it), or the spec's default for a new memory. */
    public static class Read {

        /** Stored states (neighbours) read per query; the spec's default is 5. */
        private Integer k;

        /** SIMILARITY (nearer states count more, the default) or PLAIN. */
        private Weighting weighting;

        /** SUM (the paper's rule, the default) or MEAN. */
        private Aggregate aggregate;

        public Integer getK() { return k; }
        public void setK(Integer k) { this.k = k; }
        public Weighting getWeighting() { return weighting; }
        public void setWeighting(Weighting weighting) { this.weighting = weighting; }
        public Aggregate getAggregate() { return aggregate; }
        public void setAggregate(Aggregate aggregate) { this.aggregate = aggregate; }
    }

    /** Saving a memory file in the background (a database memory commits by itself). */
    public static class Autosave {

        /** Whether to save the memory file in the background and on shutdown; off, the application saves it (MemoryStore.save). */
        private boolean enabled = true;

        /** How often the file is written when feedback changed the memory. */
        private Duration every = Duration.ofSeconds(30);

        public boolean isEnabled() { return enabled; }
        public void setEnabled(boolean enabled) { this.enabled = enabled; }
        public Duration getEvery() { return every; }
        public void setEvery(Duration every) { this.every = every; }
    }

    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public String getExamples() { return examples; }
    public void setExamples(String examples) { this.examples = examples; }
    public String getTask() { return task; }
    public void setTask(String task) { this.task = task; }
    public Integer getM() { return m; }
    public void setM(Integer m) { this.m = m; }
    public EncoderKind getEncoder() { return encoder; }
    public void setEncoder(EncoderKind encoder) { this.encoder = encoder; }
    public String getEncoderId() { return encoderId; }
    public void setEncoderId(String encoderId) { this.encoderId = encoderId; }
    public int getEmbeddingCacheSize() { return embeddingCacheSize; }
    public void setEmbeddingCacheSize(int embeddingCacheSize) { this.embeddingCacheSize = embeddingCacheSize; }
    public Memory getMemory() { return memory; }
    public Read getRead() { return read; }
    public Autosave getAutosave() { return autosave; }

    @Override
    public boolean supports(Class<?> type) {
        return PoemProperties.class.isAssignableFrom(type);
    }

    /** Each mistake is reported on its property, so that start-up fails naming it. */
    @Override
    public void validate(Object target, Errors errors) {
        PoemProperties p = (PoemProperties) target;
        if (!p.enabled) return;
        Memory memory = p.memory;
        boolean file = memory.file != null && !memory.file.isBlank();
        if (file && memory.dataSource) {
            errors.rejectValue("memory.file", "poem.memory", "give a memory file or mnemos.poem.memory.data-source=true, not both");
        } else if (!file && !memory.dataSource) {
            errors.rejectValue("memory.file", "poem.memory", "say where POEM's memory is kept: a file (made on first start),"
                    + " or mnemos.poem.memory.data-source=true for the application's DataSource");
        }
        if (p.m != null && (p.m < 1 || p.m > Permutation.MAX_SIZE)) {
            errors.rejectValue("m", "poem.m", "examples per request must be 1 to " + Permutation.MAX_SIZE);
        }
        if (p.read.k != null && p.read.k < 1) errors.rejectValue("read.k", "poem.k", "must be at least 1");
        if (memory.capacity < 1) errors.rejectValue("memory.capacity", "poem.capacity", "must be at least 1");
        if (memory.exactUpTo != null && memory.exactUpTo < 1) errors.rejectValue("memory.exactUpTo", "poem.exact", "must be at least 1");
        if (p.embeddingCacheSize < 0) errors.rejectValue("embeddingCacheSize", "poem.cache", "must be at least 0");
        positive(errors, "memory.timeout", memory.timeout);
        positive(errors, "memory.syncEvery", memory.syncEvery);
        positive(errors, "autosave.every", p.autosave.every);
        if (p.examples != null && p.examples.isBlank()) errors.rejectValue("examples", "poem.examples", "is empty; give the examples' file");
    }

    private static void positive(Errors errors, String field, Duration d) {
        if (d == null || d.isZero() || d.isNegative()) errors.rejectValue(field, "poem.duration", "must be a positive duration (e.g. 30s)");
    }
}
