package dev.mnemos.poem.spring.ai;

/**
 * The task's user template ({@code "Review: {input}"}) read backwards: the input of a user message
 * written with it. A message that does not have the template's words around it is taken whole.
 */
final class UserTemplate {

    private final String prefix;
    private final String suffix;

    UserTemplate(String template) {
        int at = template.indexOf("{input}");
        String after = at < 0 ? "" : template.substring(at + "{input}".length());
        boolean plain = at >= 0 && !after.contains("{input}") && !after.contains("{output}")
                && !template.substring(0, at).contains("{output}");
        this.prefix = plain ? template.substring(0, at) : "";
        this.suffix = plain ? after : "";
    }

    /** {@code "Review: The shower was cold."} gives {@code "The shower was cold."}. */
    String input(String message) {
        if (message.length() >= prefix.length() + suffix.length() && message.startsWith(prefix) && message.endsWith(suffix)) {
            String input = message.substring(prefix.length(), message.length() - suffix.length());
            if (!input.isBlank()) return input;
        }
        return message;
    }
}
