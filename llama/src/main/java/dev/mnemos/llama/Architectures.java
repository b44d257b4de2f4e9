package dev.mnemos.llama;

import java.util.List;

/**
 * The model architectures the bundled engine runs: llama.cpp build b4916, as de.kherud:llama 4.2.0
 * bundles it ({@code LLM_ARCH_NAMES} of that build's {@code src/llama-arch.cpp}). A GGUF file of
 * another architecture is refused before the native load.
 */
final class Architectures {

    /** The engine, as messages name it. */
    static final String ENGINE = "llama.cpp b4916 (de.kherud:llama 4.2.0)";

    private static final List<String> KNOWN = List.of(
            "llama", "deci", "falcon", "grok", "gpt2", "gptj", "gptneox", "mpt", "baichuan", "starcoder", "refact",
            "bert", "nomic-bert", "jina-bert-v2", "bloom", "stablelm", "qwen", "qwen2", "qwen2moe", "qwen2vl",
            "phi2", "phi3", "phimoe", "plamo", "codeshell", "orion", "internlm2", "minicpm", "minicpm3", "gemma",
            "gemma2", "gemma3", "starcoder2", "mamba", "xverse", "command-r", "cohere2", "dbrx", "olmo", "olmo2",
            "olmoe", "openelm", "arctic", "deepseek", "deepseek2", "chatglm", "bitnet", "t5", "t5encoder", "jais",
            "nemotron", "exaone", "rwkv6", "rwkv6qwen2", "rwkv7", "arwkv7", "granite", "granitemoe", "chameleon",
            "wavtokenizer-dec");

    private Architectures() {}

    static boolean known(String architecture) {
        return KNOWN.contains(architecture);
    }

    static String list() {
        return String.join(", ", KNOWN);
    }
}
