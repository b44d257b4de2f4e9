package dev.mnemos.samples.reviews;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What poem/README.md's section "In a Spring Boot app" shows: its two curl requests, and what SmolLM2 answered to the first. */
final class ReadmeSection {

    static final Path README = Path.of("../../poem/README.md");
    private static final Pattern CURL = Pattern.compile("curl -s localhost:8080(/\\w+) -H 'Content-Type: application/json' -d '(\\{.*})'");
    private static final Pattern SMOLLM2 = Pattern.compile("On the review above, SmolLM2 answered `(\\w+)`");

    record Request(String path, String body) {}

    private ReadmeSection() {}

    /** The curl requests, in the README's order: /classify, then /feedback. */
    static List<Request> requests() throws IOException {
        return Files.readAllLines(README).stream().map(CURL::matcher).filter(Matcher::find)
                .map(m -> new Request(m.group(1), m.group(2))).toList();
    }

    /** The label the README says SmolLM2 gave the review of its /classify request. */
    static String smolLm2Label() throws IOException {
        Matcher m = SMOLLM2.matcher(Files.readString(README).replaceAll("\\s+", " "));
        if (!m.find()) throw new AssertionError(README + " no longer says what SmolLM2 answered");
        return m.group(1);
    }
}
