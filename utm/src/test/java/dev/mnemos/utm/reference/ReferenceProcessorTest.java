package dev.mnemos.utm.reference;

import dev.mnemos.runtime.cycle.Reader;
import dev.mnemos.runtime.memory.Memory;
import dev.mnemos.runtime.model.ModelException;
import dev.mnemos.runtime.model.Processor;
import dev.mnemos.runtime.model.ProcessorConfig;
import dev.mnemos.runtime.model.Processors;
import dev.mnemos.utm.image.MemoryImage;
import dev.mnemos.utm.machine.MachineFormat;
import dev.mnemos.utm.machine.U152;
import dev.mnemos.utm.prompt.PromptCompiler;
import dev.mnemos.utm.prompt.PromptFiles;
import dev.mnemos.utm.prompt.PromptSet;
import dev.mnemos.utm.sim.Tape;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ReferenceProcessorTest {

    @Test
    void answersEachOfTheTwentyNineU152PromptsFromTheTable() throws Exception {
        PromptSet prompts = PromptFiles.u152();
        Processor p = new ReferenceProcessor(prompts);
        for (PromptSet.Transition t : prompts.transitions()) {
            assertEquals(t.answer(), p.process(t.prompt()).text(), t.state() + " " + t.symbols());
        }
        assertEquals("\" op=\"%[B]\" %[i]=\"0\" i+=1 \"", p.process(prompts.prompt("A", "0")).text());
        assertEquals("\" op=\"%[A]\" %[i]=\"1\" i+=1 \"", p.process(prompts.prompt("A", "1")).text());
        assertEquals("\" op=\"halt\" \"", p.process(prompts.prompt("J", "1")).text());
        assertEquals("\" op=\"%[H]\" %[i]=\"0\" i-=1 \"", p.process(prompts.prompt("G", "0")).text());
    }

    @Test
    void thePromptsItKnowsAreWhatTheRuntimesReadStageMakes() throws Exception {
        PromptSet prompts = PromptFiles.u152();
        Memory m = MemoryImage.of(prompts, Tape.of("0110"), 2, "C");
        String prompt = new Reader().read(m, m.read("op"));
        assertEquals(prompts.prompt("C", "1"), prompt);
        assertEquals("\" op=\"%[E]\" %[i]=\"0\" i-=1 \"", new ReferenceProcessor(prompts).process(prompt).text());
    }

    @Test
    void answersAThreeSymbolMachine() throws Exception {
        PromptSet prompts = PromptCompiler.compile(MachineFormat.read(Path.of("..", "samples", "machines", "binary-increment.json")));
        Processor p = new ReferenceProcessor(prompts);
        assertEquals("\" op=\"%[right]\" %[i]=\"1\" i+=1 \"", p.process(prompts.prompt("right", "1")).text());
        assertEquals("\" op=\"%[carry]\" %[i]=\"_\" i-=1 \"", p.process(prompts.prompt("right", "_")).text());
        assertEquals("\" op=\"%[done]\" %[i]=\"1\" i-=1 \"", p.process(prompts.prompt("carry", "0")).text());
        assertEquals("\" op=\"halt\" \"", p.process(prompts.prompt("done", "0")).text());
    }

    @Test
    void rejectsAPromptThatIsNoTransition() {
        Processor p = new ReferenceProcessor(PromptFiles.u152());
        ModelException e = assertThrows(ModelException.class, () -> p.process("Tell me a story."));
        assertEquals(ModelException.Kind.REJECTED, e.kind());
        String tampered = PromptFiles.u152().prompt("A", "0").replace("%[B]", "%[Q]");
        assertThrows(ModelException.class, () -> p.process(tampered));
    }

    @Test
    void isRegisteredAsTheReferenceBackend() throws Exception {
        Processor p = Processors.create(ProcessorConfig.builder().backend("reference").build());
        assertEquals("\" op=\"halt\" \"", p.process(PromptFiles.u152().prompt("J", "1")).text());
        assertEquals(new ReferenceProcessor(PromptCompiler.compile(U152.machine())).fingerprint(), p.fingerprint());
    }
}
