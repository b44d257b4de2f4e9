package dev.mnemos.utm.reference;

import dev.mnemos.runtime.model.Processor;
import dev.mnemos.runtime.model.ProcessorConfig;
import dev.mnemos.runtime.model.ProcessorProvider;
import dev.mnemos.utm.machine.MachineFormat;
import dev.mnemos.utm.prompt.PromptCompiler;
import dev.mnemos.utm.prompt.PromptFiles;

import java.nio.file.Path;

/**
 * Registers the {@code reference} backend. Its "model" names the machine: none or {@code u15_2}
 * for U15,2, else the path of a machine file.
 */
public final class ReferenceProvider implements ProcessorProvider {

    public static final String NAME = "reference";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Processor create(ProcessorConfig config) {
        String model = config.model();
        if (model == null || model.equalsIgnoreCase("u15_2") || model.equals("U15,2")) {
            return new ReferenceProcessor(PromptFiles.u152());
        }
        return new ReferenceProcessor(PromptCompiler.compile(MachineFormat.read(Path.of(model))));
    }
}
