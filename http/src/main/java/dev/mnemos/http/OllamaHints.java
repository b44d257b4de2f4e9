package dev.mnemos.http;

import dev.mnemos.runtime.model.BackendHints;
import dev.mnemos.runtime.model.ModelErrors;
import dev.mnemos.runtime.model.ModelException;
import dev.mnemos.runtime.model.ProcessorConfig;

import dev.langchain4j.model.ollama.OllamaStreamingException;

/** What the {@code ollama} backend tells people when a call fails: how to start Ollama, how to pull a model. */
final class OllamaHints implements BackendHints {

    static final OllamaHints INSTANCE = new OllamaHints();

    @Override
    public String serverName() {
        return "Ollama";
    }

    @Override
    public String baseUrl(ProcessorConfig config) {
        return Endpoints.baseUrl(config.baseUrl(), OllamaProvider.NAME, OllamaProvider.DEFAULT_URL);
    }

    @Override
    public String unreachableFix(ProcessorConfig config) {
        String model = config.model() == null ? "<model>" : config.model();
        return "start it with `ollama serve` and fetch the model with `ollama pull " + model + "`";
    }

    @Override
    public String modelNotFound(ProcessorConfig config, String said) {
        return "(Ollama): fetch it with `ollama pull " + config.model() + "` (Ollama said: " + said + ")";
    }

    @Override
    public ModelException translate(Throwable failure, ProcessorConfig config) {
        if (ModelErrors.find(failure, OllamaStreamingException.class) == null) return null;
        return new ModelException(ModelException.Kind.SERVER_ERROR, "Ollama failed while answering at " + baseUrl(config)
                + " (model " + config.model() + "): " + ModelErrors.summary(failure), failure);
    }
}
