package dev.mnemos.runtime.cache;

import java.nio.file.Path;

/** A separate process that appends answers to a shared cache file: {@code CacheWriter FILE NAME COUNT PROMPT_CHARS}. */
public final class CacheWriter {

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int count = Integer.parseInt(args[2]);
        int chars = Integer.parseInt(args[3]);
        try (PromptCache cache = PromptCache.open(file)) {
            for (int k = 0; k < count; k++) {
                String prompt = args[1] + k + " " + "é".repeat(chars / 2);
                cache.put("fp", prompt, args[1] + " answer " + k);
            }
        }
    }
}
