package dev.mnemos.poem.ask;

import dev.mnemos.poem.data.Example;
import dev.mnemos.poem.prompt.Task;
import dev.mnemos.runtime.model.ModelException;
import dev.mnemos.runtime.model.Processor;

import java.util.List;

/** Asks a mnemos {@link Processor} with the prompt rendered from the task's template (the paper's setting). */
public final class CompletionAsker implements Asker {

    private final Processor processor;
    private final Task task;

    public CompletionAsker(Processor processor, Task task) {
        this.processor = processor;
        this.task = task;
    }

    @Override
    public Reply ask(String query, List<Example> orderedExamples) throws ModelException {
        return Reply.of(processor.process(task.render(query, orderedExamples)).text());
    }
}
