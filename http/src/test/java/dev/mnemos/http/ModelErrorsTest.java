package dev.mnemos.http;

import dev.mnemos.runtime.model.ModelErrors;
import dev.mnemos.runtime.model.ModelException;
import dev.mnemos.runtime.model.ProcessorConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import dev.mnemos.runtime.model.ModelException.Kind;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ModelErrorsTest {

    static final ProcessorConfig OLLAMA = ProcessorConfig.builder().model("llama3.2").timeout(Duration.ofSeconds(90)).build();
    static final ProcessorConfig OPENAI = ProcessorConfig.builder().backend("openai")
            .baseUrl("http://gpu-box:8000/v1").model("qwen").build();

    @Test
    void serverTextIsFoundInEachServersErrorShape() {
        assertEquals("boom", ModelErrors.serverText("{\"error\":\"boom\"}"));
        assertEquals("boom", ModelErrors.serverText("{\"error\":{\"message\":\"boom\",\"type\":\"server_error\"}}"));
        assertEquals("boom", ModelErrors.serverText("{\"object\":\"error\",\"message\":\"boom\",\"code\":500}"));
        assertEquals("boom", ModelErrors.serverText("{\"detail\":\"boom\"}"));
        assertEquals("<html> <body>Bad Gateway</body> </html>", ModelErrors.serverText("<html>\n<body>Bad Gateway</body>\n</html>\n"));
        assertEquals("(empty body)", ModelErrors.serverText(""));
    }

    @Test
    void longServerTextIsCutToOneShortLine() {
        String text = ModelErrors.serverText("x\n".repeat(100_000));

        assertTrue(text.length() <= 303, "length " + text.length());
        assertTrue(text.endsWith("..."));
        assertTrue(!text.contains("\n"));
    }

    @Test
    void langChain4jHttpFailuresKeepTheStatusAndText() {
        RuntimeException wrapped = new InternalServerException(new HttpException(503, "{\"error\":\"server busy\"}"));

        ModelException e = ModelErrors.translate(wrapped, OLLAMA);

        assertEquals(Kind.SERVER_ERROR, e.kind());
        assertEquals("HTTP 503 from Ollama at http://localhost:11434 (model llama3.2): server busy", e.getMessage());
    }

    @Test
    void langChain4jTypesWithoutAnHttpCauseStillTranslate() {
        assertEquals(Kind.TIMEOUT, ModelErrors.translate(new TimeoutException(new HttpTimeoutException("request timed out")), OLLAMA).kind());
        assertEquals(Kind.MODEL_NOT_FOUND, ModelErrors.translate(new ModelNotFoundException("no such model"), OPENAI).kind());
        assertEquals(Kind.UNREACHABLE, ModelErrors.translate(new UnresolvedModelServerException("gpu-box"), OPENAI).kind());
        assertEquals(Kind.SERVER_ERROR, ModelErrors.translate(new InternalServerException("oops"), OPENAI).kind());
    }

    @Test
    void timeoutNamesTheTimeout() {
        ModelException e = ModelErrors.translate(new RuntimeException(new HttpTimeoutException("request timed out")), OLLAMA);

        assertEquals("no answer from Ollama at http://localhost:11434 (model llama3.2) within 90 s; "
                + "raise the timeout or check the server's load", e.getMessage());
    }

    @Test
    void unreachableOpenAiServerSaysWhatToStart() {
        ModelException e = ModelErrors.translate(new RuntimeException(new ConnectException()), OPENAI);

        assertEquals("cannot reach the OpenAI-compatible server at http://gpu-box:8000/v1 (model qwen): start the server "
                + "(vLLM, llama.cpp's llama-server, LM Studio) or fix the base URL", e.getMessage());
    }

    @Test
    void aModelExceptionPassesThrough() {
        ModelException original = new ModelException(Kind.REJECTED, "no");

        assertSame(original, ModelErrors.translate(original, OLLAMA));
    }

    @Test
    void unknownFailuresAreBadResponsesOnOneLine() {
        ModelException e = ModelErrors.translate(new NullPointerException("Cannot invoke \"Message.content()\"\nbecause null"), OLLAMA);

        assertEquals(Kind.BAD_RESPONSE, e.kind());
        assertEquals("unexpected answer from Ollama at http://localhost:11434 (model llama3.2): "
                + "Cannot invoke \"Message.content()\" because null", e.getMessage());
    }
}
