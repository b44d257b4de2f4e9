package dev.mnemos.facts;

/**
 * What a read of the memory gave: the stored value nearest to what was read, how close (the
 * cosine between the read and that value, in [-1, 1]), and when the fact read was written (its
 * place in the order of writes, decoded from the read's temporal code).
 */
public record Recall(String value, double confidence, long time) {
}
