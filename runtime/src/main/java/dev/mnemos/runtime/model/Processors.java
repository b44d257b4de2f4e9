package dev.mnemos.runtime.model;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Finds a backend by name among the registered {@link ProcessorProvider}s and builds a processor. */
public final class Processors {

    private Processors() {}

    public static Processor create(ProcessorConfig config) {
        for (ProcessorProvider provider : ServiceLoader.load(ProcessorProvider.class)) {
            if (provider.name().equals(config.backend())) {
                return provider.create(config);
            }
        }
        throw new IllegalArgumentException("unknown backend '" + config.backend() + "'; known: " + names());
    }

    /** Names of the registered backends. */
    public static List<String> names() {
        List<String> names = new ArrayList<>();
        for (ProcessorProvider provider : ServiceLoader.load(ProcessorProvider.class)) {
            names.add(provider.name());
        }
        return names;
    }
}
