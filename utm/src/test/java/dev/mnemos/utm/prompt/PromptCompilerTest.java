package dev.mnemos.utm.prompt;

import dev.mnemos.utm.machine.MachineFormat;
import dev.mnemos.utm.machine.TuringMachine;
import dev.mnemos.utm.machine.U152;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PromptCompilerTest {

    static final PromptSet U152_PROMPTS = PromptCompiler.compile(U152.machine());

    @Test
    void stateAIsTheSpecsText() {
        assertEquals("""
                @[boot]result = " op="%[B]" %[i]="0" i+=1 "
                if @[@[i]]==1 then result = " op="%[A]" %[i]="1" i+=1 "
                $result
                """, U152_PROMPTS.text("A"));
    }

    @Test
    void fHasNoIfLineAndJHaltsOnOne() {
        assertEquals("""
                @[boot]result = " op="%[D]" %[i]="1" i-=1 "
                $result
                """, U152_PROMPTS.text("F"));
        assertEquals("""
                @[boot]result = " op="%[K]" %[i]="1" i-=1 "
                if @[@[i]]==1 then result = " op="halt" "
                $result
                """, U152_PROMPTS.text("J"));
    }

    @Test
    void u152HasTwentyNineDistinctPrompts() {
        assertEquals(29, U152_PROMPTS.transitions().size());
        assertEquals(29, U152_PROMPTS.transitions().stream().map(PromptSet.Transition::prompt).distinct().count());
        assertTrue(U152_PROMPTS.transitions().stream().anyMatch(t -> t.state().equals("J") && t.answer().equals("\" op=\"halt\" \"")));
    }

    @Test
    void promptFilesWrittenToADirectoryReadBack(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path prompts = dir.resolve("new").resolve("u15_2");
        PromptFiles.write(prompts, U152_PROMPTS);
        PromptSet back = PromptFiles.read(prompts, U152.machine());
        assertEquals(U152_PROMPTS.boot(), back.boot());
        assertEquals(U152_PROMPTS.texts(), back.texts());
    }

    @Test
    void shippedPromptFilesEqualTheCompilerOutput() {
        PromptSet shipped = PromptFiles.u152();
        assertEquals(U152_PROMPTS.boot(), shipped.boot(), "prompts/u15_2/boot.txt; regenerate with PromptFiles");
        for (String state : U152.machine().states()) {
            assertEquals(U152_PROMPTS.text(state), shipped.text(state), "prompts/u15_2/" + state + ".txt; regenerate with PromptFiles");
        }
    }

    @Test
    void bootDemonstratesBothTruthValuesAndTheHaltForm() {
        String boot = U152_PROMPTS.boot();
        assertFalse(boot.contains("@["));
        assertTrue(boot.contains("if 0==1 then"));
        assertTrue(boot.contains("if 1==1 then"));
        assertTrue(boot.contains("if 1==1 then result = \" op=\"halt\" \"\n$result\n\" op=\"halt\" \"\n"), boot);
        assertTrue(boot.contains("if 0==1 then result = \" op=\"halt\" \"\n$result\n\" op="), boot);
        // every demonstration's answer is what its lines say: check by reading them as a person would
        String[] lines = boot.split("\n");
        int demos = 0;
        for (int k = 0; k < lines.length; k++) {
            if (!lines[k].equals("$result")) continue;
            String expected = null;
            for (int b = k - 1; b >= 0 && !lines[b].equals("$result") && b > k - 10; b--) {
                if (lines[b].startsWith("result = ")) {
                    expected = lines[b].substring("result = ".length());
                    for (int c = b + 1; c < k; c++) {
                        String[] cond = lines[c].substring(3, lines[c].indexOf(" then ")).split("==");
                        if (cond[0].equals(cond[1])) expected = lines[c].substring(lines[c].indexOf(" then result = ") + 15);
                    }
                    break;
                }
            }
            assertEquals(expected, lines[k + 1]);
            demos++;
        }
        assertEquals(5, demos);
    }

    @Test
    void moreSymbolsGiveOneIfLinePerNonBlankSymbol() {
        TuringMachine inc = MachineFormat.read(Path.of("..", "samples", "machines", "binary-increment.json"));
        PromptSet p = PromptCompiler.compile(inc);
        assertEquals("""
                @[boot]result = " op="%[done]" %[i]="1" i-=1 "
                if @[@[i]]==1 then result = " op="%[carry]" %[i]="0" i-=1 "
                $result
                """, p.text("carry"), "'0' acts as the blank does, so it has no line");
        assertEquals("""
                @[boot]result = " op="%[carry]" %[i]="_" i-=1 "
                if @[@[i]]==0 then result = " op="%[right]" %[i]="0" i+=1 "
                if @[@[i]]==1 then result = " op="%[right]" %[i]="1" i+=1 "
                $result
                """, p.text("right"));
        Set<String> conditions = p.boot().lines().filter(l -> l.startsWith("if ")).map(l -> l.substring(3, l.indexOf(" then")))
                .collect(Collectors.toSet());
        assertTrue(conditions.containsAll(Set.of("_==0", "_==1", "0==0", "1==1", "0==1", "1==0")), conditions.toString());
    }
}
