package dev.mnemos.utm.bench;

/**
 * What was benchmarked: the backend, the model and its decoding settings, as the report shows them.
 *
 * @param model null for the reference backend
 * @param style completion or chat; null for the reference backend
 */
public record Subject(String backend, String model, String style, double temperature) {

    /** E.g. {@code llama2 (ollama, completion, temperature 0.0)}. */
    public String describe() {
        if (model == null) return backend + " backend";
        return model + " (" + backend + ", " + style + ", temperature " + temperature + ")";
    }
}
