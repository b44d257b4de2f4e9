package dev.mnemos.cli.poem;

import dev.mnemos.poem.ask.Asker;
import dev.mnemos.poem.ask.ChatAsker;
import dev.mnemos.poem.ask.CompletionAsker;
import dev.mnemos.poem.data.DataException;
import dev.mnemos.embed.EmbeddingCache;
import dev.mnemos.embed.Encoder;
import dev.mnemos.poem.prompt.Task;
import dev.mnemos.poem.reward.ClassificationMargin;
import dev.mnemos.poem.reward.ExactMatch;
import dev.mnemos.poem.reward.Reward;
import dev.mnemos.poem.reward.TokenF1;
import dev.mnemos.poem.train.TrainingLog;
import dev.mnemos.io.FormatException;
import dev.mnemos.poem.store.MemorySettings;
import dev.mnemos.poem.store.MemoryStore;
import dev.mnemos.poem.store.MemoryStores;
import dev.mnemos.poem.memory.ReadSettings;
import dev.mnemos.cli.BackendOptions;
import dev.mnemos.cli.Cli;
import dev.mnemos.cli.ExitCode;
import dev.mnemos.runtime.model.ChatModels;
import dev.mnemos.runtime.model.ModelException;
import dev.mnemos.runtime.model.ProcessorConfig;
import dev.mnemos.runtime.model.Processors;
import dev.mnemos.runtime.model.Style;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** What the commands share: the encoder and its cache, the model, the reward, the checks of a memory opened to read. */
final class Setup {

    private Setup() {}

    /**
     * MiniLM with notes on {@code err}; for a memory in a file, the embeddings are cached beside it
     * ({@link #saveCache} writes them back).
     */
    static Encoder encoder(String memory, PrintWriter err) throws IOException {
        Encoder.Builder b = Encoder.builder().miniLm().onNote(err::println);
        java.util.Optional<Path> file = MemoryStores.file(memory);
        if (file.isPresent()) b.cache(cache(EmbeddingCache.besideMemory(file.get()), err));
        return b.build();
    }

    /** Saves the embeddings computed meanwhile beside a memory file; a failure is exit 12 naming the cache. */
    static void saveCache(String memory, Encoder encoder) {
        java.util.Optional<Path> file = MemoryStores.file(memory);
        if (file.isPresent() && encoder.cache() != null) Cli.writing(EmbeddingCache.besideMemory(file.get()), () -> encoder.cache().save());
    }

    /** Saves the memory; a file that cannot be written is exit 12 naming it (a database's failures keep their own codes). */
    static void save(MemoryStore store) throws IOException {
        java.util.Optional<Path> file = store.file();
        if (file.isPresent()) Cli.writing(file.get(), store::save);
        else store.save();
    }

    /**
     * Refuses (exit 3) a run whose model or style is not the one whose answers earned the memory's
     * rewards, as {@code log} records it, unless {@code allowed} (--other-model), when a note says
     * so; returns this run's model as a memory records it. A memory that records none passes.
     *
     * @param why    why it matters, in the refusal's parentheses
     * @param remedy what --other-model then does, and the other way out ({@code "train on with it, or a new --memory"})
     * @param going  what the note says the run does ({@code "training on"})
     */
    static String sameModel(TrainingLog log, String where, BackendOptions backend, boolean allowed, String why, String remedy,
                            String going, PrintWriter err) {
        String now = modelOf(backend.toConfig());
        String before = log.model().orElse(null);
        if (before != null && !before.equals(now)) {
            if (!allowed) {
                throw new DataException(where + " was trained with " + before + "; this run uses " + now + " (" + why + "): give --other-model to "
                        + remedy);
            }
            err.println("note: " + where + " was trained with " + before + "; " + going + " with " + now + " (--other-model)");
        }
        return now;
    }

    /** How a memory records whose answers earned its rewards, e.g. {@code ollama llama3.2, chat style}. */
    static String modelOf(ProcessorConfig config) {
        return config.backend() + " " + config.model() + ", " + config.style().name().toLowerCase(java.util.Locale.ROOT) + " style";
    }

    /** A memory read with another m than the one it was trained with is bad input, as in training. */
    static void checkM(MemoryStore store, Integer m) {
        if (m != null && m != store.settings().m()) {
            throw new DataException(store.location() + " was trained with m = " + store.settings().m() + "; --m " + m + " differs");
        }
    }

    /** The read in use and where it comes from, e.g. {@code k = 30, similarity, mean (tuned)}. */
    static String readNote(MemoryStore store) {
        ReadSettings used = store.memory().read();
        MemorySettings stored = store.settings();
        if (!used.equals(stored.read())) return used + " (from the command line; the memory keeps " + stored.read() + ")";
        return used + (stored.tuned() ? " (tuned)" : " (not tuned)");
    }

    /**
     * The embedding cache; a damaged one is only a cache: it is moved aside to FILE.damaged, a note
     * says so, and the embeddings are computed again (and saved) instead of failing the command.
     */
    static EmbeddingCache cache(Path file, PrintWriter err) throws IOException {
        try {
            return EmbeddingCache.open(file);
        } catch (dev.mnemos.io.FormatException e) {
            Path aside = file.resolveSibling(file.getFileName() + ".damaged");
            java.nio.file.Files.move(file, aside, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            err.println("note: " + e.getMessage() + "; moved it to " + aside + " and computing the embeddings again");
            return EmbeddingCache.open(file);
        }
    }

    /** The model: chat style sends examples as user/assistant turns; completion style sends the template's prompt. */
    static Asker asker(BackendOptions backend, Task task, Reward reward) {
        if (backend.model == null) throw new Cli.Failure(ExitCode.USAGE, "--model is required: the model name as the server knows it");
        ProcessorConfig config = backend.toConfig();
        if (config.style() == Style.CHAT) {
            if (reward.needsLogProbs() && !"openai".equals(config.backend())) {
                throw new Cli.Failure(ExitCode.USAGE, "--reward margin needs --style chat --backend openai (token log-probabilities)");
            }
            return ChatAsker.builder().model(ChatModels.create(config)).task(task).logProbs(reward.needsLogProbs() ? new OpenAiLogProbs() : null)
                    .config(config).build();
        }
        if (reward.needsLogProbs()) {
            throw new Cli.Failure(ExitCode.USAGE, "--reward margin needs --style chat --backend openai (token log-probabilities)");
        }
        return new CompletionAsker(Processors.create(config), task);
    }

    static Reward reward(String name, Task task) {
        return switch (name) {
            case "exact" -> new ExactMatch(task.labels());
            case "margin" -> new ClassificationMargin(task.labels());
            case "f1" -> new TokenF1();
            default -> throw new Cli.Failure(ExitCode.USAGE, "--reward must be exact, margin or f1, not '" + name + "'");
        };
    }

}
