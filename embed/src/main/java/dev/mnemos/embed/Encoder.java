package dev.mnemos.embed;

import dev.mnemos.vectors.Vectors;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

/**
 * Turns text into unit-length sentence embeddings: the state of a POEM episode and the key for
 * choosing examples. By default all-MiniLM-L6-v2 runs in-process (384 dimensions, no server, no
 * download); any LangChain4j {@link EmbeddingModel} can replace it. Texts are sent in batches, and
 * an {@link EmbeddingCache} spares recomputing what was embedded before. Thread-safe.
 */
public final class Encoder {

    /** all-MiniLM-L6-v2 reads at most 256 word pieces; longer texts are cut there. */
    public static final int MINILM_WINDOW = 256;

    private final EmbeddingModel model;
    private final String id;
    private final int batchSize;
    private final int window;
    private final ToIntFunction<String> tokenCounter;
    private final EmbeddingCache cache;
    private final Consumer<String> notes;
    private volatile int dimension;

    private Encoder(Builder b) {
        this.model = Objects.requireNonNull(b.model, "embedding model");
        this.id = b.id != null ? b.id : defaultId(b.model);
        this.batchSize = b.batchSize;
        this.window = b.window;
        this.tokenCounter = b.tokenCounter;
        this.cache = b.cache != null ? b.cache : EmbeddingCache.inMemory();
        this.notes = b.notes;
        this.dimension = b.dimension;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The default encoder: all-MiniLM-L6-v2 in-process, with its 256-token window. */
    public static Encoder miniLm() {
        return builder().miniLm().build();
    }

    /** Names the model; part of every cache key, so two models never share cached embeddings. */
    public String id() {
        return id;
    }

    public int dimension() {
        if (dimension == 0) dimension = encode("dimension probe").length;
        return dimension;
    }

    public EmbeddingCache cache() {
        return cache;
    }

    /** The unit-length embedding of one text. */
    public float[] encode(String text) {
        return encodeAll(List.of(text)).get(0);
    }

    /** Unit-length embeddings of many texts, in order; uncached ones go to the model in batches. */
    public List<float[]> encodeAll(List<String> texts) {
        List<float[]> out = new ArrayList<>(texts.size());
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            float[] cached = cache.get(id, texts.get(i));
            out.add(cached);
            if (cached == null) missing.add(i);
        }
        for (int from = 0; from < missing.size(); from += batchSize) {
            List<Integer> batch = missing.subList(from, Math.min(missing.size(), from + batchSize));
            List<TextSegment> segments = new ArrayList<>(batch.size());
            for (int i : batch) segments.add(TextSegment.from(fitWindow(texts.get(i))));
            List<Embedding> embeddings = model.embedAll(segments).content();
            for (int j = 0; j < batch.size(); j++) {
                float[] v = Vectors.unit(embeddings.get(j).vector());
                int i = batch.get(j);
                cache.put(id, texts.get(i), v);
                out.set(i, v);
            }
        }
        if (!out.isEmpty() && dimension == 0) dimension = out.get(0).length;
        return out;
    }

    /** The text cut to the encoder's window, with a note when it had to be cut. */
    String fitWindow(String text) {
        if (window <= 0 || tokenCounter == null) return text;
        int limit = window - 2; // [CLS] and [SEP] take two places
        int tokens = tokenCounter.applyAsInt(text);
        if (tokens <= limit) return text;
        List<Integer> wordEnds = new ArrayList<>();
        for (int i = 1; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i)) && !Character.isWhitespace(text.charAt(i - 1))) wordEnds.add(i);
        }
        int lo = 0, hi = wordEnds.size() - 1, best = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (tokenCounter.applyAsInt(text.substring(0, wordEnds.get(mid))) <= limit) {
                best = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        String kept;
        String cut;
        if (best >= 0) {
            cut = text.substring(0, wordEnds.get(best));
            kept = (best + 1) + " words";
        } else { // not even the first word fits (a long word, or a script written without spaces): cut inside it
            int end = longestPrefix(text, limit);
            cut = text.substring(0, end);
            kept = end + " characters";
        }
        notes.accept("note: a text of " + tokens + " tokens is longer than the encoder's " + window
                + "-token window; it is embedded from its first " + kept + " (\"" + preview(text) + "\")");
        return cut;
    }

    /** Length of the longest prefix of {@code text} within {@code limit} tokens, at least one code point. */
    private int longestPrefix(String text, int limit) {
        int lo = 1, hi = text.length() - 1, best = text.offsetByCodePoints(0, 1);
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (tokenCounter.applyAsInt(text.substring(0, mid)) <= limit) {
                best = Math.max(best, mid);
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        if (Character.isHighSurrogate(text.charAt(best - 1)) && best > 1) best--;
        return best;
    }

    private static String preview(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= 40 ? flat : flat.substring(0, 40) + "...";
    }

    private static String defaultId(EmbeddingModel model) {
        String name = null;
        try {
            name = model.modelName();
        } catch (RuntimeException ignored) {
            // some models do not name themselves
        }
        return name != null && !name.isBlank() && !"unknown".equalsIgnoreCase(name) ? name : model.getClass().getName();
    }

    /** MiniLM's word-piece count, its tokenizer loaded when first needed (a text is only counted before it is embedded). */
    private static final class TokenCounter {
        private HuggingFaceTokenCountEstimator estimator;

        synchronized int count(String text) {
            if (estimator == null) estimator = new HuggingFaceTokenCountEstimator();
            return estimator.estimateTokenCountInText(text);
        }
    }

    public static final class Builder {
        private EmbeddingModel model;
        private String id;
        private int batchSize = 32;
        private int window;
        private ToIntFunction<String> tokenCounter;
        private int dimension;
        private EmbeddingCache cache;
        private Consumer<String> notes = s -> {};

        private Builder() {}

        /**
         * all-MiniLM-L6-v2 in-process, its id, its window and its tokenizer. The model is loaded once
         * per process, from files copied out of its jar into {@code ${XDG_CACHE_HOME:-~/.cache}/mnemos/minilm}
         * by the first process (half a second and 350 MB less at every later start; see {@code MiniLm}),
         * when the encoder first has a text to embed that its cache does not hold.
         */
        public Builder miniLm() {
            this.model = MiniLm.onFirstUse();
            this.id = "all-minilm-l6-v2";
            this.dimension = MiniLm.DIMENSION;
            this.window = MINILM_WINDOW;
            this.tokenCounter = new TokenCounter()::count;
            return this;
        }

        /** Any LangChain4j embedding model (its dimension found by embedding a text when asked). */
        public Builder model(EmbeddingModel model) {
            this.model = model;
            this.dimension = 0;
            return this;
        }

        /** Cache key for this model; default the model's name or class. */
        public Builder id(String id) { this.id = id; return this; }

        /** Texts per call to the model; default 32. */
        public Builder batchSize(int batchSize) {
            if (batchSize < 1) throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
            this.batchSize = batchSize;
            return this;
        }

        /** Cut texts longer than this many tokens (counted by {@code counter}); 0 = never cut. */
        public Builder window(int tokens, ToIntFunction<String> counter) {
            this.window = tokens;
            this.tokenCounter = counter;
            return this;
        }

        public Builder cache(EmbeddingCache cache) { this.cache = cache; return this; }

        /** Where notes go (e.g. a text was cut to the window); default nowhere. */
        public Builder onNote(Consumer<String> notes) { this.notes = Objects.requireNonNull(notes); return this; }

        public Encoder build() {
            return new Encoder(this);
        }
    }
}
