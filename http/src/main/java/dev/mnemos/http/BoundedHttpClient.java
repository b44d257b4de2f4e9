package dev.mnemos.http;

import dev.mnemos.runtime.model.ModelErrors;

import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.HttpClientBuilderLoader;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * LangChain4j's HTTP client (the JDK one) with its read timeout bounding the whole exchange of a
 * non-streamed call: the JDK client's request timeout bounds only the wait for the headers, so
 * a body that trickles forever blocked LangChain4j's chat models (ours and poem's) forever. The
 * exchange runs on a worker thread that is interrupted at the deadline (the JDK client then
 * aborts it), and the caller gets LangChain4j's {@link TimeoutException}. Streamed calls pass
 * through: their callers bound them.
 */
final class BoundedHttpClient implements HttpClient {

    private final HttpClient delegate;
    private final Duration timeout;

    private BoundedHttpClient(HttpClient delegate, Duration timeout) {
        this.delegate = delegate;
        this.timeout = timeout;
    }

    /** A builder for LangChain4j models' {@code httpClientBuilder(...)}. */
    static HttpClientBuilder builder() {
        return new Builder();
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        Future<SuccessfulHttpResponse> pending = Deadline.submit(() -> delegate.execute(request));
        try {
            return pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            pending.cancel(true);
            throw new TimeoutException("no complete answer within " + ModelErrors.describe(timeout), e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new TimeoutException("interrupted", e);
        }
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        delegate.execute(request, parser, listener);
    }

    private static final class Builder implements HttpClientBuilder {
        private final HttpClientBuilder jdk = HttpClientBuilderLoader.loadHttpClientBuilder(); // the JDK client LangChain4j would use

        @Override
        public Duration connectTimeout() {
            return jdk.connectTimeout();
        }

        @Override
        public HttpClientBuilder connectTimeout(Duration timeout) {
            jdk.connectTimeout(timeout);
            return this;
        }

        @Override
        public Duration readTimeout() {
            return jdk.readTimeout();
        }

        @Override
        public HttpClientBuilder readTimeout(Duration timeout) {
            jdk.readTimeout(timeout);
            return this;
        }

        @Override
        public HttpClient build() {
            Duration read = jdk.readTimeout() == null ? Duration.ofSeconds(120) : jdk.readTimeout();
            return new BoundedHttpClient(jdk.build(), read);
        }
    }
}
