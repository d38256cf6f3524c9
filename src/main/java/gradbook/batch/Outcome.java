package gradbook.batch;

import java.nio.file.Path;
import java.util.List;

/**
 * What became of one template: written, failed or skipped, with every message it gave in the
 * order they arose, so that a caller can print them together, apart from other templates'.
 *
 * @param output the workbook written or meant to be written
 * @param error the exception behind a failure, for a stack trace on request; null otherwise
 */
public record Outcome(Path template, Path output, Status status, List<Message> messages,
        Exception error) {
    /** How a template ended. */
    public enum Status {
        WRITTEN, FAILED, SKIPPED
    }

    /** One line for the user: a problem that stopped the template, a warning, or a note. */
    public record Message(Kind kind, String text) {
    }

    /** Problems and warnings are always shown; notes only when asked for detail. */
    public enum Kind {
        PROBLEM, WARNING, NOTE
    }

    public Outcome {
        messages = List.copyOf(messages);
    }

    /** The first problem, the one-line reason of a failure; null when there is none. */
    public String reason() {
        return messages.stream().filter(m -> m.kind() == Kind.PROBLEM).map(Message::text)
                .findFirst().orElse(null);
    }

    /** How many problems there are besides {@link #reason()}. */
    public long moreProblems() {
        return Math.max(0, messages.stream().filter(m -> m.kind() == Kind.PROBLEM).count() - 1);
    }
}
