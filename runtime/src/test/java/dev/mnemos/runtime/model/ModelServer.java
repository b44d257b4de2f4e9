package dev.mnemos.runtime.model;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.Extension;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A WireMock server on a dynamic port for tests against a stubbed model server
 * ({@link ModelServerStubs}), as a JUnit 5 extension. On a static field it starts before the
 * class's first test, is reset (stubs, received requests, scenarios) before each test and stops
 * after the last one; on an instance field each test gets a server of its own.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final ModelServer server = new ModelServer();
 * }</pre>
 */
public final class ModelServer extends WireMockServer
        implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {

    private boolean perClass;

    /** A server with WireMock {@code extensions} (response transformers) installed. */
    public ModelServer(Extension... extensions) {
        super(WireMockConfiguration.options().dynamicPort().containerThreads(12).extensions(extensions));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        perClass = true;
        start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (perClass) resetAll();
        else start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) stop();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }
}
