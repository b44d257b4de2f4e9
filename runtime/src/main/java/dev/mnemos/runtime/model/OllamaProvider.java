package dev.mnemos.runtime.model;

/** Registers the {@code ollama} backend: an {@link OllamaProcessor} that retries transient failures. */
public final class OllamaProvider implements ProcessorProvider {

    @Override
    public String name() {
        return Endpoints.OLLAMA;
    }

    @Override
    public Processor create(ProcessorConfig config) {
        return RetryingProcessor.around(new OllamaProcessor(config), config.retries());
    }
}
