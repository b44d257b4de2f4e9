package dev.mnemos.facts;

import java.util.Objects;

/**
 * One fact: a key (what it is about, e.g. "Ada Moss lives in") and a value (what holds, e.g.
 * "Lisbon"). The key is what queries are matched with; the value is what a read answers. To have
 * whole sentences come back (for a prompt), make the value the sentence.
 */
public record Fact(String key, String value) {

    public Fact {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        if (key.isBlank()) {
            throw new IllegalArgumentException("a fact's key is blank");
        }
        if (value.isBlank()) {
            throw new IllegalArgumentException("a fact's value is blank");
        }
    }

    public static Fact of(String key, String value) {
        return new Fact(key, value);
    }
}
