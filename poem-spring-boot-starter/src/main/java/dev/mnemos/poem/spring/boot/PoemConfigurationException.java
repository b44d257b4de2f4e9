package dev.mnemos.poem.spring.boot;

/**
 * POEM could not start as configured: the memory, the examples or the encoder a property names
 * cannot be used. {@link PoemFailureAnalyzer} reports it at start-up naming the property.
 */
public class PoemConfigurationException extends RuntimeException {

    private final String property;
    private final String value;
    private final String reason;

    public PoemConfigurationException(String property, String value, String reason) {
        this(property, value, reason, null);
    }

    public PoemConfigurationException(String property, String value, String reason, Throwable cause) {
        super(property + (value == null ? "" : " = " + value) + ": " + reason, cause);
        this.property = property;
        this.value = value;
        this.reason = reason;
    }

    /** The property at fault, e.g. {@code mnemos.poem.examples}. */
    public String property() { return property; }

    /** Its value, or null when it has none. */
    public String value() { return value; }

    /** What is wrong, naming the file and line where there is one. */
    public String reason() { return reason; }
}
