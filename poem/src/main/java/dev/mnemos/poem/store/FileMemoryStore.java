package dev.mnemos.poem.store;

import dev.mnemos.poem.data.DataException;
import dev.mnemos.poem.data.Example;
import dev.mnemos.poem.memory.ActionValueEstimator;
import dev.mnemos.poem.memory.Episode;
import dev.mnemos.poem.memory.EpisodicMemory;
import dev.mnemos.poem.memory.ReadSettings;
import dev.mnemos.poem.prompt.Task;
import dev.mnemos.poem.train.TrainingLog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A memory in one file ({@link PoemFile}): loaded whole when opened, held in this process, and
 * written whole by {@link #save()} through a temporary file renamed over the old one. Opened with
 * {@link StoreOptions#lock()}, it holds the file's {@link MemoryLock} until closed, so that two
 * writers never overwrite each other; readers take no lock.
 */
public final class FileMemoryStore implements MemoryStore {

    private final Path file;
    private final MemoryLock lock;
    private volatile MemorySettings settings;
    private volatile Task task;
    private volatile List<Example> pool;
    private final EpisodicMemory memory;
    private final TrainingLog log;

    private FileMemoryStore(Path file, MemoryLock lock, MemorySettings settings, Task task, List<Example> pool,
                            EpisodicMemory memory, TrainingLog log) {
        this.file = file;
        this.lock = lock;
        this.settings = settings;
        this.task = task;
        this.pool = pool;
        this.memory = memory;
        this.log = log;
    }

    /**
     * Opens the file: loads it when it exists (unless {@link StoreOptions#replace()}), else starts a
     * new memory from {@link StoreOptions#create()}; takes its lock first when asked to.
     *
     * @throws NoSuchFileException when there is no file and nothing to create it from
     * @throws FormatException     when the file is not a POEM memory, or is damaged
     * @throws DataException       when it was written with another encoder, dimension or m than asked for
     */
    public static FileMemoryStore open(Path file, StoreOptions options) throws IOException {
        if (Files.isDirectory(file)) throw new FormatException(file + ": a directory, not a POEM memory file");
        MemoryLock lock = options.lock() ? MemoryLock.acquire(file, options.writer()) : null;
        try {
            return open(file, options, lock);
        } catch (IOException | RuntimeException e) {
            if (lock != null) lock.close();
            throw e;
        }
    }

    private static FileMemoryStore open(Path file, StoreOptions options, MemoryLock lock) throws IOException {
        if (Files.exists(file) && !options.replace()) {
            PoemFile.Contents c = PoemFile.load(file, options.notes(),
                    options.exactUpTo() != null ? options.exactUpTo() : EpisodicMemory.DEFAULT_EXACT_UP_TO);
            options.check(c.settings(), file.toString());
            readAs(c.memory(), options);
            return new FileMemoryStore(file, lock, c.settings(), c.task(), c.pool(), c.memory(), c.log());
        }
        MemorySettings s = options.create();
        if (s == null) throw new NoSuchFileException(file.toString(), null, "no such memory file (poem train makes one)");
        EpisodicMemory.Builder memory = EpisodicMemory.builder().dimension(s.dimension()).read(s.read()).capacity(s.capacity());
        if (options.exactUpTo() != null) memory.exactUpTo(options.exactUpTo());
        EpisodicMemory created = memory.build();
        readAs(created, options);
        return new FileMemoryStore(file, lock, s, null, null, created, new TrainingLog());
    }

    /** The read of this process: the stored one, with k and weighting put in where the options give them. */
    private static void readAs(EpisodicMemory memory, StoreOptions options) {
        ReadSettings read = memory.read();
        if (options.k() != null) read = read.withK(options.k());
        if (options.weighting() != null) read = read.withWeighting(options.weighting());
        memory.read(read);
    }

    /** The file's contents as they are now, to save or to hand to {@link Autosave}. */
    public PoemFile.Contents contents() {
        if (task == null || pool == null) throw new DataException(file + ": the memory has no task and example pool to save yet");
        return new PoemFile.Contents(settings, task, pool, memory, log);
    }

    @Override
    public String location() {
        return file.toString();
    }

    @Override
    public Optional<Path> file() {
        return Optional.of(file);
    }

    @Override
    public MemorySettings settings() {
        return settings;
    }

    @Override
    public Optional<Task> task() {
        return Optional.ofNullable(task);
    }

    @Override
    public Optional<List<Example>> pool() {
        return Optional.ofNullable(pool);
    }

    @Override
    public EpisodicMemory memory() {
        return memory;
    }

    @Override
    public ActionValueEstimator estimator() {
        return memory;
    }

    @Override
    public TrainingLog log() {
        return log;
    }

    @Override
    public void describe(Task newTask, List<Example> newPool) {
        if (pool != null && !pool.equals(newPool)) {
            throw new DataException(file + " was trained on another pool (" + pool.size() + " examples, " + newPool.size()
                    + " now); give a new memory file");
        }
        task = newTask;
        pool = List.copyOf(newPool);
    }

    /** Sets the read for every later read and for the next save (the file keeps it once saved). */
    @Override
    public void storeRead(ReadSettings read, boolean tuned) {
        settings = settings.withRead(read, tuned);
        memory.read(read);
    }

    @Override
    public void addAll(List<Episode> episodes) {
        memory.addAll(episodes);
    }

    /** Writes the file whole (a temporary file renamed over it) and, for a graph read, its index beside it. */
    @Override
    public void save() throws IOException {
        PoemFile.save(file, contents());
    }

    /** Lets go of the lock; what was not saved is not kept. */
    @Override
    public void close() throws IOException {
        if (lock != null) lock.close();
    }
}
