package dev.mnemos.utm.bitag;

/** A bi-tag system and the word it starts on: what a bi-tag program file holds. */
public record BiTagProgram(String name, BiTagSystem system, Word word) {

    public BiTagProgram {
        system.checkWord(word);
    }
}
