package dev.mnemos.poem.data;

import java.util.Objects;

/** A labelled example: an input and the output the model should give for it. */
public record Example(String input, String output) {

    public Example {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
    }
}
