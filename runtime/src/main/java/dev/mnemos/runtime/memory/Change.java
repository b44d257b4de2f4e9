package dev.mnemos.runtime.memory;

/**
 * One label's value before and after a write; null stands for absent.
 * Values are {@link String} or {@link Long}.
 */
public record Change(String label, Object before, Object after) {}
