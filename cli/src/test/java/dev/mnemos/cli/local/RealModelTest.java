package dev.mnemos.cli.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mnemos.runtime.cache.PromptHash;
import dev.mnemos.llama.TestModels;
import dev.mnemos.runtime.model.Processor;
import dev.mnemos.runtime.model.ProcessorConfig;
import dev.mnemos.runtime.model.Processors;
import dev.mnemos.utm.prompt.PromptFiles;
import dev.mnemos.utm.prompt.PromptSet;
import dev.mnemos.cli.Cli;
import dev.mnemos.cli.poem.PoemCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The real SmolLM2-135M on U15,2's 29 transition prompts, completion style, temperature 0, two
 * threads, utm's settings (at most 64 tokens, stop at a newline): the answers must be the ones
 * recorded from the first run (src/test/resources/real/smollm2-u152.json), so that a change in how
 * the prompts are built, or in how the backend decodes, shows up here. Each entry keeps the
 * prompt's hash, so a failure says whether the prompt or only the answer changed. To record again
 * after a deliberate change: {@code -Dgolden.record=true}.
 */
class RealModelTest {

    static final Path GOLDEN = Path.of("src/test/resources/real/smollm2-u152.json");
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void the29TransitionPromptsGetTheRecordedAnswers() throws Exception {
        PromptSet u152 = PromptFiles.u152();
        Processor model = Processors.create(ProcessorConfig.builder().backend("local").model(TestModels.smollm2().toString())
                .option("threads", "2").maxTokens(64).stop(List.of("\n")).build());
        ObjectNode answers = JSON.createObjectNode();
        for (PromptSet.Transition t : u152.transitions()) {
            ObjectNode entry = answers.putObject(t.state() + "," + String.join("|", t.symbols()));
            entry.put("prompt", PromptHash.hex(t.prompt()));
            entry.put("answer", model.process(t.prompt()).text());
            entry.put("right", t.answer());
        }
        assertEquals(29, answers.size());
        if (Boolean.getBoolean("golden.record")) {
            Files.writeString(GOLDEN, answers.toPrettyString() + "\n");
        }
        JsonNode recorded = JSON.readTree(GOLDEN.toFile());
        for (var it = recorded.fields(); it.hasNext(); ) {
            var e = it.next();
            JsonNode now = answers.get(e.getKey());
            assertEquals(e.getValue().get("prompt").asText(), now.get("prompt").asText(), e.getKey() + ": the prompt changed");
            assertEquals(e.getValue().get("answer").asText(), now.get("answer").asText(), e.getKey() + ": same prompt, another answer");
        }
        assertEquals(recorded.size(), answers.size());
    }

    record Run(int exit, String out, String err) {}

    static Run poem(String... args) {
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        var cl = Cli.commandLine(new PoemCommand());
        cl.setOut(new java.io.PrintWriter(out, true));
        cl.setErr(new java.io.PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    /**
     * POEM on the real model through its LangChain4j chat model (chat style, the path of
     * FewShotChatModel): a short train (6 queries, 2 orders of 2 shots, 12 calls) and a select.
     */
    @Test
    void aShortPoemTrainAndSelectOnTheRealModel(@TempDir Path dir) throws Exception {
        Path memory = dir.resolve("r.poem");
        Run train = poem("train", "--data", Path.of("..", "samples", "poem", "reviews.jsonl").toString(),
                "--model", TestModels.smollm2().toString(), "--threads", "2", "--style", "chat", "--memory", memory.toString(),
                "--m", "2", "--orders", "2", "--limit", "6", "--concurrency", "1", "--max-tokens", "4");
        assertEquals(0, train.exit(), train.err());
        List<String> lines = train.out().lines().toList();
        assertEquals("trained 6 queries (0 finished before), 12 model calls, mean reward 1.000", lines.get(0));
        assertEquals(memory + ": 12 entries on 6 queries; best fixed order in training: [1,2]", lines.get(1));
        Run select = poem("select", "--memory", memory.toString(),
                "--query", "The shower was cold all week.", "--format", "json");
        assertEquals(0, select.exit(), select.err());
        JsonNode chosen = JSON.readTree(select.out());
        assertEquals("[1,2]", chosen.get("order").asText());
        assertEquals("The pool was closed for our whole stay.", chosen.get("examples").get(0).get("input").asText());
    }
}
