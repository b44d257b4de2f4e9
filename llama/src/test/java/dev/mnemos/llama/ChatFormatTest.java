package dev.mnemos.llama;

import de.kherud.llama.Pair;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The chat templates written here, for model files that carry none (the catalog's Gemma 3). */
class ChatFormatTest {

    @Test
    void gemmaOpensTheFirstUserTurnWithTheSystemInstructionAndAnswersAsModel() {
        assertEquals("<start_of_turn>user\nBe brief.\n\nSay hi<end_of_turn>\n<start_of_turn>model\nHi<end_of_turn>\n"
                        + "<start_of_turn>user\nAgain<end_of_turn>\n<start_of_turn>model\n",
                ChatFormat.gemma("Be brief.", List.of(new Pair<>("user", "Say hi"), new Pair<>("assistant", "Hi"), new Pair<>("user", "Again"))));
    }

    @Test
    void chatmlGivesTheSystemItsOwnTurn() {
        assertEquals("<|im_start|>system\nS<|im_end|>\n<|im_start|>user\nhi<|im_end|>\n<|im_start|>assistant\n",
                ChatFormat.chatml("S", List.of(new Pair<>("user", "hi"))));
    }
}
