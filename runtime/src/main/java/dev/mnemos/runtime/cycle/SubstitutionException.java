package dev.mnemos.runtime.cycle;

import java.util.List;

/** Read did not settle: too many passes or a prompt too long. Names the chain of labels it followed. */
public class SubstitutionException extends CycleException {

    private final List<String> chain;

    public SubstitutionException(String message, List<String> chain) {
        super(message);
        this.chain = List.copyOf(chain);
    }

    /** The labels substituted, pass by pass (the first reference of each pass). */
    public List<String> chain() {
        return chain;
    }

    /** The Read stage did not settle: {@link Kind#RUNAWAY}. */
    @Override
    public Kind fault() {
        return Kind.RUNAWAY;
    }
}
