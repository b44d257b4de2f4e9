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
import dev.mnemos.poem.store.FormatException;
import dev.mnemos.poem.store.PoemFile;
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

/** What the commands share: the encoder, the model, the reward, and turning failures into exit codes. */
final class Setup {

    private Setup() {}

    /** MiniLM, with the pool's embeddings cached beside the memory file and notes on {@code err}. */
    /** Loads a memory file; its notes (a stale or damaged saved index, rebuilt) go to the command's error output. */
    static PoemFile.Contents load(Path file, PrintWriter err) throws IOException {
        return PoemFile.load(file, note -> err.println("note: " + note));
    }

    static Encoder encoder(Path memory, PrintWriter err) throws IOException {
        return Encoder.builder().miniLm().cache(cache(EmbeddingCache.besideMemory(memory), err)).onNote(err::println).build();
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
            return ChatAsker.builder().model(ChatModels.create(config)).task(task).logProbs(reward.needsLogProbs()).config(config).build();
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

    /** The memory file's lock (one writer at a time); a lock file that cannot be made is exit 12 naming it. */
    static dev.mnemos.poem.store.MemoryLock lock(Path memory, String what) {
        Path file = dev.mnemos.poem.store.MemoryLock.lockFile(memory);
        try {
            return dev.mnemos.poem.store.MemoryLock.acquire(memory, what);
        } catch (IOException e) {
            throw new Cli.Failure(ExitCode.IO_ERROR, "cannot write " + file + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
    }
}
