package dev.mnemos.poem.spring.boot;

import dev.mnemos.poem.PoemException;
import dev.mnemos.poem.data.Example;
import dev.mnemos.poem.data.JsonLinesReader;
import dev.mnemos.poem.prompt.Task;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The files the properties name: a path, {@code file:PATH} or {@code classpath:NAME}, read with
 * POEM's own readers; every error names the property and the location as it was given (with the
 * line, where POEM's reader gives one).
 */
final class Locations {

    private Locations() {}

    @FunctionalInterface
    interface Reader<T> {
        T read(Path file) throws IOException;
    }

    /** The example pool at {@code location} (the train split when its lines carry one). */
    static List<Example> examples(String property, String location, List<String> labels) {
        List<Example> pool = read(property, location, file -> JsonLinesReader.pool().read(file, labels).train());
        if (pool.isEmpty()) throw new PoemConfigurationException(property, location, location + ": no examples in its train split");
        return pool;
    }

    static Task task(String property, String location) {
        return read(property, location, Task::read);
    }

    /** Reads the location as a file; a classpath resource inside a jar is read from a copy, named as given in errors. */
    static <T> T read(String property, String location, Reader<T> reader) {
        Path file;
        Path copy = null;
        try {
            if (location.startsWith("classpath:")) {
                Resource resource = new ClassPathResource(location.substring("classpath:".length()), Locations.class.getClassLoader());
                if (!resource.exists()) throw new PoemConfigurationException(property, location, "no such resource on the class path");
                if (resource.isFile()) {
                    file = resource.getFile().toPath();
                } else {
                    copy = copyOf(resource);
                    file = copy;
                }
            } else {
                file = Path.of(location.startsWith("file:") ? location.substring("file:".length()) : location);
                if (!Files.isRegularFile(file)) throw new PoemConfigurationException(property, location, "no such file");
            }
            return named(property, location, file, reader);
        } catch (IOException e) {
            throw new PoemConfigurationException(property, location, "cannot read it (" + e.getMessage() + ")", e);
        } finally {
            if (copy != null) deleteQuietly(copy);
        }
    }

    private static <T> T named(String property, String location, Path file, Reader<T> reader) throws IOException {
        try {
            return reader.read(file);
        } catch (PoemException e) {
            throw new PoemConfigurationException(property, location, e.getMessage().replace(file.toString(), location), e);
        } catch (NoSuchFileException e) {
            throw new PoemConfigurationException(property, location, "no such file", e);
        }
    }

    private static Path copyOf(Resource resource) throws IOException {
        Path dir = Files.createTempDirectory("mnemos-poem");
        Path copy = dir.resolve(resource.getFilename() == null ? "resource" : resource.getFilename());
        try (InputStream in = resource.getInputStream()) {
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
        }
        return copy;
    }

    private static void deleteQuietly(Path copy) {
        try {
            Files.deleteIfExists(copy);
            Files.deleteIfExists(copy.getParent());
        } catch (IOException ignored) {
            // a temporary copy left behind is harmless
        }
    }
}
