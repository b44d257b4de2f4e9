package dev.mnemos.llama;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.mnemos.runtime.model.Answer;
import dev.mnemos.runtime.model.CallBudget;
import dev.mnemos.runtime.model.ChatModels;
import dev.mnemos.runtime.model.ModelException;
import dev.mnemos.runtime.model.Processor;
import dev.mnemos.runtime.model.ProcessorConfig;
import dev.mnemos.runtime.model.Processors;
import dev.mnemos.runtime.model.Style;
import dev.mnemos.runtime.model.UncheckedModelException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The local backend on the real SmolLM2-135M, two threads, temperature 0. */
class LocalProcessorTest {

    @TempDir
    Path dir;

    static ProcessorConfig.Builder smollm2() {
        return ProcessorConfig.builder().backend("local").model(TestModels.smollm2().toString()).option("threads", "2");
    }

    static Processor processor(ProcessorConfig.Builder config) {
        return Processors.create(config.build());
    }

    @Test
    void temperatureZeroGivesTheSameAnswerFromOneSharedLoad() throws Exception {
        LocalProcessor a = (LocalProcessor) processor(smollm2().maxTokens(12));
        LocalProcessor b = (LocalProcessor) processor(smollm2().maxTokens(12));
        assertSame(a.engine(), b.engine(), "one load per file and load settings");
        Answer first = a.process("The capital of France is");
        assertEquals(first, b.process("The capital of France is"));
        assertTrue(first.text().contains("Paris"), first.text());
        assertTrue(first.inputTokens() > 0 && first.outputTokens() > 0 && first.outputTokens() <= 12, first.toString());
    }

    @Test
    void stopSequencesAndMaxTokensBoundTheAnswer() throws Exception {
        String prompt = "Count: 1, 2, 3, 4,";
        String free = processor(smollm2().maxTokens(8)).process(prompt).text();
        assertTrue(free.contains(","), free);
        String stopped = processor(smollm2().maxTokens(8).stop(List.of(","))).process(prompt).text();
        assertFalse(stopped.contains(","), stopped);
        assertTrue(free.startsWith(stopped), free + " / " + stopped);
        assertTrue(processor(smollm2().maxTokens(2)).process(prompt).outputTokens() <= 2);
    }

    @Test
    void aGrammarConstrainsEveryAnswer() throws Exception {
        String prompt = "Q: What colour is the sky?\nA:";
        String free = processor(smollm2().maxTokens(8).stop(List.of("\n"))).process(prompt).text();
        String grammar = "root ::= \" \" (\"yes\" | \"no\") \".\"\n";
        Path file = Files.writeString(dir.resolve("yesno.gbnf"), grammar);
        Processor constrained = processor(smollm2().maxTokens(8).option("grammar-file", file.toString()));
        String answer = constrained.process(prompt).text();
        assertTrue(answer.equals(" yes.") || answer.equals(" no."), answer);
        assertNotEquals(free, answer, "without the grammar the model says something else");
        assertTrue(constrained.fingerprint().contains("sha256:" + dev.mnemos.llama.models.Sha256.of(grammar)), constrained.fingerprint());
        assertFalse(constrained.fingerprint().contains("yes"), "the fingerprint holds the grammar's hash, not its text");
    }

    @Test
    void aGrammarThatDoesNotParseIsRefusedNotIgnored() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.gbnf"), "root ::= answer\n");
        UncheckedModelException e = assertThrows(UncheckedModelException.class,
                () -> processor(smollm2().option("grammar-file", file.toString())));
        assertEquals(ModelException.Kind.BAD_FILE, e.getCause().kind());
        assertEquals(file + ":1: rule 'answer' is used but not defined (GBNF, llama.cpp's grammar format)", e.getMessage());
    }

    @Test
    void aPromptLongerThanTheContextIsRefusedWithItsTokenCount() {
        Processor small = processor(smollm2().option("context", "64"));
        ModelException e = assertThrows(ModelException.class, () -> small.process("word ".repeat(100)));
        assertEquals(ModelException.Kind.REJECTED, e.kind());
        assertTrue(e.getMessage().matches("the prompt is 10\\d tokens and the context of model .*SmolLM2.* holds 64; "
                + "raise the context \\(--context\\) or shorten the prompt"), e.getMessage());
    }

    @Test
    void aRefusedPromptIsNoModelCall() throws Exception {
        Processor small = processor(smollm2().option("context", "64").maxTokens(2));
        CallBudget budget = CallBudget.unlimited();
        assertThrows(ModelException.class, () -> small.process("word ".repeat(100), budget));
        assertEquals(0, budget.taken(), "nothing reached the model");
        small.process("The capital of France is", budget);
        assertEquals(1, budget.taken());
    }

    @Test
    void chatStyleUsesTheModelsOwnTemplate() throws Exception {
        LocalProcessor chat = (LocalProcessor) processor(smollm2().style(Style.CHAT).systemInstruction("Answer in one word.").maxTokens(6));
        assertEquals("<|im_start|>system\nS<|im_end|>\n<|im_start|>user\nhi<|im_end|>\n<|im_start|>assistant\n",
                ChatFormat.prompt(chat.engine(), null, "S", List.of(new de.kherud.llama.Pair<>("user", "hi"))));
        String answer = chat.process("What is the capital of France?").text();
        assertTrue(answer.contains("Paris"), answer);
        assertNotEquals(chat.fingerprint(), processor(smollm2().maxTokens(6)).fingerprint());
    }

    @Test
    void theLangChain4jChatModelTakesTurnsAndReportsACutAnswer() {
        ChatModel model = ChatModels.create(smollm2().temperature(0).build());
        assertTrue(model instanceof LocalChatModel, model.getClass().getName());
        ChatResponse response = model.chat(ChatRequest.builder().messages(
                SystemMessage.from("Answer in one word."),
                UserMessage.from("What is the capital of Italy?"), AiMessage.from("Rome"),
                UserMessage.from("What is the capital of France?")).maxOutputTokens(4).build());
        assertTrue(response.aiMessage().text().contains("Paris"), response.aiMessage().text());
        ChatResponse cut = model.chat(ChatRequest.builder().messages(UserMessage.from("Tell me a long story.")).maxOutputTokens(3).build());
        assertEquals(FinishReason.LENGTH, cut.finishReason());
        assertEquals(3, cut.tokenUsage().outputTokenCount());
    }

    @Test
    void moreThreadsThanLlamaCppTakesAreRefusedBeforeTheLoad() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> processor(smollm2().option("threads", "1024")));
        assertEquals("threads must be at most 512 (llama.cpp's limit), got 1024", e.getMessage());
    }

    @Test
    void aContextTooLargeToLoadSaysSo() {
        UncheckedModelException e = assertThrows(UncheckedModelException.class, () -> processor(smollm2().option("context", "100000000")));
        assertEquals(ModelException.Kind.BAD_FILE, e.getCause().kind());
        assertTrue(e.getMessage().endsWith("; its context of 100000000 tokens needs memory in proportion: try a smaller --context"),
                e.getMessage());
    }

    @Test
    void aMissingModelFileSaysWhereItLooked() {
        UncheckedModelException e = assertThrows(UncheckedModelException.class,
                () -> processor(ProcessorConfig.builder().backend("local").model("smollm2-135m").option("model-dir", dir.toString())));
        assertEquals(ModelException.Kind.MODEL_NOT_FOUND, e.getCause().kind());
        assertEquals("model smollm2-135m is not in " + dir + ": fetch it with `bin/mnemos models fetch smollm2-135m`", e.getMessage());
    }
}
