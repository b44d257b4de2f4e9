package dev.mnemos.runtime.model;

/**
 * Makes processors of one backend, found by name through {@link java.util.ServiceLoader}.
 * A module adds a backend by listing its provider in
 * {@code META-INF/services/dev.mnemos.runtime.model.ProcessorProvider}.
 */
public interface ProcessorProvider {

    /** The name users pass as {@code --backend}, e.g. {@code ollama}. */
    String name();

    /** Builds a processor; bad settings raise {@link IllegalArgumentException} naming the setting. */
    Processor create(ProcessorConfig config);
}
