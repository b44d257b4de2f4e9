package dev.mnemos.facts.eval;

import dev.mnemos.facts.Fact;
import dev.mnemos.facts.FactMemory;
import dev.mnemos.facts.Recall;
import java.util.Optional;

/** A {@link FactMemory} as a {@link FactSystem}: its bytes are the matrix's and the values' (texts and embeddings). */
public final class MemoryFacts implements FactSystem {

    private final String name;
    private final FactMemory memory;

    public MemoryFacts(String name, FactMemory memory) {
        this.name = name;
        this.memory = memory;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void write(Fact fact) {
        memory.write(fact);
    }

    @Override
    public boolean forget(Fact fact) {
        return memory.forget(fact);
    }

    @Override
    public Optional<String> answer(String question) {
        return memory.read(question).map(Recall::value);
    }

    @Override
    public long bytes() {
        return memory.matrixBytes() + memory.valueBytes();
    }
}
