package dev.mnemos.utm.bench;

/**
 * The model a bench asks: the backend, the model and its decoding settings, as reports show them.
 *
 * @param model null for a reference backend (no model)
 * @param style completion or chat; null for a reference backend
 */
public record ModelInfo(String backend, String model, String style, double temperature) {

    /** E.g. {@code llama2 (ollama, completion, temperature 0.0)}, or {@code reference backend}. */
    public String describe() {
        if (model == null) return backend + " backend";
        return model + " (" + backend + ", " + style + ", temperature " + temperature + ")";
    }
}
