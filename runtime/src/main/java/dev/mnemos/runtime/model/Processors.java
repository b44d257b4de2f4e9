package dev.mnemos.runtime.model;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Finds a backend by name among the registered {@link ProcessorProvider}s and builds a processor. */
public final class Processors {

    private Processors() {}

    public static Processor create(ProcessorConfig config) {
        return provider(config.backend()).create(config);
    }

    /** The provider of the named backend; an unknown name raises {@link IllegalArgumentException} listing the known ones. */
    public static ProcessorProvider provider(String backend) {
        for (ProcessorProvider provider : ServiceLoader.load(ProcessorProvider.class)) {
            if (provider.name().equals(backend)) return provider;
        }
        throw new IllegalArgumentException("unknown backend '" + backend + "'; known: " + names());
    }

    /**
     * The backend of a model named without one: the first provider that {@linkplain
     * ProcessorProvider#claims claims} the name, else {@code fallback} (the commands' {@code ollama}).
     */
    public static String backendFor(String model, String fallback) {
        if (model == null) return fallback;
        for (ProcessorProvider provider : ServiceLoader.load(ProcessorProvider.class)) {
            if (provider.claims(model)) return provider.name();
        }
        return fallback;
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
