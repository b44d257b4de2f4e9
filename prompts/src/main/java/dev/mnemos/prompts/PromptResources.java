package dev.mnemos.prompts;

/**
 * Marks where the prompt texts are: the jar (or class folder) this class is loaded from holds
 * {@code prompts/**}, so that they are read from it directly ({@code dev.mnemos.io.ClassResources})
 * rather than by a search of the whole class path.
 */
public final class PromptResources {

    private PromptResources() {}
}
