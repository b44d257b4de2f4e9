package dev.mnemos.poem.sim;

import dev.mnemos.poem.data.Dataset;
import dev.mnemos.poem.data.JsonLinesReader;
import dev.mnemos.poem.prompt.Task;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The sample data set of samples/poem/, found from the module's directory or the project's. */
public final class SampleData {

    private SampleData() {}

    public static Path dir() {
        for (Path p : new Path[] {Path.of("../samples/poem"), Path.of("samples/poem")}) {
            if (Files.isDirectory(p)) return p;
        }
        throw new IllegalStateException("samples/poem not found from " + Path.of("").toAbsolutePath());
    }

    /** Reviews of restaurants, hotels, gadgets and films, positive or negative. */
    public static Dataset reviews() {
        return read("reviews.jsonl");
    }

    /** Short texts about sport, health, food or travel. */
    public static Dataset topics() {
        return read("topics.jsonl");
    }

    public static Task reviewsTask() {
        return task("reviews.task.json");
    }

    public static Task topicsTask() {
        return task("topics.task.json");
    }

    private static Dataset read(String name) {
        try {
            return new JsonLinesReader(0.7, 1).read(dir().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Task task(String name) {
        try {
            return Task.read(dir().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
