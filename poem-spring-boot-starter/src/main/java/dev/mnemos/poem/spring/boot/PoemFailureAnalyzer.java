package dev.mnemos.poem.spring.boot;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a {@link PoemConfigurationException} at start-up as Spring Boot reports a property that
 * does not bind: the property, its value, the reason, and what to do.
 */
class PoemFailureAnalyzer extends AbstractFailureAnalyzer<PoemConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PoemConfigurationException cause) {
        String description = "POEM could not start:\n\n    Property: " + cause.property() + "\n"
                + (cause.value() == null ? "" : "    Value: " + cause.value() + "\n")
                + "    Reason: " + cause.reason() + "\n";
        return new FailureAnalysis(description, "Update " + cause.property() + " in your application's configuration.", cause);
    }
}
