package dev.mnemos.runtime.model;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Settings of one backend and model. Built with {@link #builder()}; unset values take the
 * defaults documented on each builder method.
 */
public final class ProcessorConfig {

    /** The settings whose bounds the builder checks, as {@link InvalidSettingException#setting()} names them. */
    public static final String TEMPERATURE = "temperature", MAX_TOKENS = "max tokens", TIMEOUT = "timeout", RETRIES = "retries";

    private final String backend;
    private final String baseUrl;
    private final String userInfo;
    private final String model;
    private final Style style;
    private final String systemInstruction;
    private final double temperature;
    private final Integer maxTokens;
    private final List<String> stop;
    private final Duration timeout;
    private final int retries;
    private final boolean stream;
    private final String apiKey;
    private final Map<String, String> options;

    private ProcessorConfig(Builder b) {
        this.backend = b.backend;
        this.baseUrl = b.baseUrl;
        this.userInfo = b.userInfo;
        this.model = b.model;
        this.style = b.style;
        this.systemInstruction = b.systemInstruction;
        this.temperature = b.temperature;
        this.maxTokens = b.maxTokens;
        this.stop = List.copyOf(b.stop);
        this.timeout = b.timeout;
        this.retries = b.retries;
        this.stream = b.stream;
        this.apiKey = b.apiKey;
        this.options = java.util.Collections.unmodifiableMap(new TreeMap<>(b.options));
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.backend = backend;
        b.baseUrl = baseUrl;
        b.userInfo = userInfo;
        b.model = model;
        b.style = style;
        b.systemInstruction = systemInstruction;
        b.temperature = temperature;
        b.maxTokens = maxTokens;
        b.stop = stop;
        b.timeout = timeout;
        b.retries = retries;
        b.stream = stream;
        b.apiKey = apiKey;
        b.options = new TreeMap<>(options);
        return b;
    }

    /** Backend name: {@code ollama}, {@code openai}, or one a module registers. */
    public String backend() { return backend; }

    /**
     * Base URL of the server, or null for the backend's default; never with the user info
     * ({@code user:password@}) it was given with, which is kept apart (see {@link #userInfo()}) so
     * that no fingerprint, cache line, trace or message holds a password.
     */
    public String baseUrl() { return baseUrl; }

    /** The user info the base URL was given with ({@code alice:SECRET}, percent-decoded), or null. */
    String userInfo() { return userInfo; }

    /**
     * The {@code Authorization} header value for the user info the base URL was given with
     * ({@code Basic ...}), or null without one. For a backend's client only: never print it.
     */
    public String basicAuthorization() { return userInfo == null ? null : UserInfo.basicAuth(userInfo); }

    /** This config with another base URL (a backend's default spelled out), keeping the user info. */
    public ProcessorConfig withBaseUrl(String url) {
        return toBuilder().baseUrl(url).userInfo(userInfo).build();
    }

    /** Model name as the server knows it, or null where the backend needs none. */
    public String model() { return model; }

    public Style style() { return style; }

    /** System instruction for the chat style, or null. */
    public String systemInstruction() { return systemInstruction; }

    public double temperature() { return temperature; }

    /** Output-token bound (Ollama's num_predict, OpenAI's max_tokens), or null for the server's. */
    public Integer maxTokens() { return maxTokens; }

    public List<String> stop() { return stop; }

    public Duration timeout() { return timeout; }

    /** How many times a transient failure (5xx, timeout) is retried, with backoff. */
    public int retries() { return retries; }

    /** Whether to ask for a streamed answer. */
    public boolean stream() { return stream; }

    /** API key for OpenAI-compatible servers, or null. */
    public String apiKey() { return apiKey; }

    /**
     * The backend's own settings by name (the local backend's {@code threads}, {@code context},
     * {@code grammar}), sorted by name; a backend documents the names it reads and ignores others.
     */
    public Map<String, String> options() { return options; }

    /** One backend setting, or null when not set. */
    public String option(String name) { return options.get(name); }

    /** The parts that decide the answer besides the prompt; see {@link Processor#fingerprint()}. */
    public String fingerprint() {
        StringBuilder stops = new StringBuilder("[");
        for (String s : stop) stops.append(stops.length() > 1 ? "," : "").append(escape(s));
        String base = escape(backend) + "|" + escape(baseUrl) + "|" + escape(model) + "|" + style + "|" + escape(systemInstruction)
                + "|t=" + temperature + "|max=" + maxTokens + "|stop=" + stops + "]";
        if (options.isEmpty()) return base;
        StringBuilder opts = new StringBuilder(base).append("|options={");
        options.forEach((k, v) -> opts.append(opts.charAt(opts.length() - 1) == '{' ? "" : ",").append(escape(k)).append('=').append(escape(v)));
        return opts.append('}').toString();
    }

    /** Escapes the fingerprint's separators, so that two different configurations never share one. */
    private static String escape(String s) {
        if (s == null) return "null";
        StringBuilder out = new StringBuilder(s.length() + 8).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') out.append('\\');
            out.append(c);
        }
        return out.append('"').toString();
    }

    @Override
    public String toString() {
        return fingerprint();
    }

    public static final class Builder {
        private String backend = "ollama";
        private String baseUrl;
        private String userInfo;
        private String model;
        private Style style = Style.COMPLETION;
        private String systemInstruction;
        private double temperature = 0.0;
        private Integer maxTokens;
        private List<String> stop = List.of();
        private Duration timeout = Duration.ofSeconds(120);
        private int retries = 2;
        private boolean stream;
        private String apiKey;
        private Map<String, String> options = new TreeMap<>();

        private Builder() {}

        /** Default {@code ollama}. */
        public Builder backend(String backend) { this.backend = Objects.requireNonNull(backend, "backend"); return this; }

        /**
         * Default: the backend's (Ollama: http://localhost:11434). User info in it
         * ({@code http://alice:SECRET@host/}) is taken out of the URL: Ollama's requests send it as
         * HTTP basic authentication; it is never stored or printed.
         */
        public Builder baseUrl(String baseUrl) {
            this.userInfo = UserInfo.of(baseUrl);
            this.baseUrl = UserInfo.strip(baseUrl);
            return this;
        }

        /** Keeps user info taken from an earlier base URL (for a resolved copy of a config). */
        Builder userInfo(String userInfo) { this.userInfo = userInfo; return this; }

        public Builder model(String model) { this.model = model; return this; }

        /** Default {@link Style#COMPLETION}. */
        public Builder style(Style style) { this.style = Objects.requireNonNull(style, "style"); return this; }

        public Builder systemInstruction(String systemInstruction) { this.systemInstruction = systemInstruction; return this; }

        /** Default 0: deterministic decoding. */
        public Builder temperature(double temperature) {
            if (!(temperature >= 0 && temperature <= 2)) throw new InvalidSettingException(TEMPERATURE, "must be between 0 and 2", temperature);
            this.temperature = temperature;
            return this;
        }

        public Builder maxTokens(Integer maxTokens) {
            if (maxTokens != null && maxTokens <= 0) throw new InvalidSettingException(MAX_TOKENS, "must be positive", maxTokens);
            this.maxTokens = maxTokens;
            return this;
        }

        public Builder stop(List<String> stop) { this.stop = List.copyOf(stop); return this; }

        /** Default 120 s. */
        public Builder timeout(Duration timeout) {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) throw new InvalidSettingException(TIMEOUT, "must be positive", timeout);
            this.timeout = timeout;
            return this;
        }

        /** Default 2. */
        public Builder retries(int retries) {
            if (retries < 0) throw new InvalidSettingException(RETRIES, "must be 0 or more", retries);
            this.retries = retries;
            return this;
        }

        public Builder stream(boolean stream) { this.stream = stream; return this; }

        public Builder apiKey(String apiKey) { this.apiKey = apiKey; return this; }

        /** Sets (or, with a null value, removes) one of the backend's own settings; see {@link ProcessorConfig#options()}. */
        public Builder option(String name, String value) {
            Objects.requireNonNull(name, "option name");
            if (value == null) options.remove(name); else options.put(name, value);
            return this;
        }

        public ProcessorConfig build() {
            return new ProcessorConfig(this);
        }
    }
}
