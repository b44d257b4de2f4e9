package dev.mnemos.runtime.model;

/**
 * A setting of a {@link ProcessorConfig} out of its bounds, refused by the builder: the one place
 * that owns each bound. It carries the setting ({@link ProcessorConfig#TEMPERATURE}, ...), the rule
 * and the value, so that a caller that took the value under another name (a command-line option)
 * can say the same with its own name.
 */
public final class InvalidSettingException extends IllegalArgumentException {

    private final String setting;
    private final String rule;
    private final transient Object value;

    /**
     * @param setting the setting, as messages name it ({@code max tokens})
     * @param rule    what it must be ({@code must be positive})
     * @param value   the value refused
     */
    public InvalidSettingException(String setting, String rule, Object value) {
        super(setting + " " + rule + ", got " + value);
        this.setting = setting;
        this.rule = rule;
        this.value = value;
    }

    /** The setting, one of the {@link ProcessorConfig} constants. */
    public String setting() {
        return setting;
    }

    /** What it must be, e.g. {@code must be between 0 and 2}. */
    public String rule() {
        return rule;
    }

    /** The value refused. */
    public Object value() {
        return value;
    }
}
