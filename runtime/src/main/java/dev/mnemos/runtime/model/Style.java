package dev.mnemos.runtime.model;

/** How a prompt reaches the model. */
public enum Style {
    /** The prompt is continued as it is (the paper's setting): Ollama's /api/generate, /v1/completions. */
    COMPLETION,
    /** The prompt is one user message, with an optional system instruction: /api/chat, /v1/chat/completions. */
    CHAT
}
