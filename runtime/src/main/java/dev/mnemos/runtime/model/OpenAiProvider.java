package dev.mnemos.runtime.model;

/** Registers the {@code openai} backend: an {@link OpenAiProcessor} that retries transient failures. */
public final class OpenAiProvider implements ProcessorProvider {

    @Override
    public String name() {
        return Endpoints.OPENAI;
    }

    @Override
    public Processor create(ProcessorConfig config) {
        return RetryingProcessor.around(new OpenAiProcessor(config), config.retries());
    }
}
