package dev.mnemos.runtime.cycle;

/** How much text around the instruction the Write stage accepts. */
public enum ParseMode {
    /** The output is the instruction and nothing else (surrounding white space aside). */
    STRICT,
    /** The first line that parses as an instruction is taken; the rest is recorded and skipped. */
    LENIENT
}
