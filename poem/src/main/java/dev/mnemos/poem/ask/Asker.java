package dev.mnemos.poem.ask;

import dev.mnemos.poem.data.Example;
import dev.mnemos.runtime.model.ModelException;

import java.util.List;

/** Puts a query with its examples, in a given order, to a model. Implementations are thread-safe. */
@FunctionalInterface
public interface Asker {

    Reply ask(String query, List<Example> orderedExamples) throws ModelException;
}
