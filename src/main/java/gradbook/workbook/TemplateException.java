package gradbook.workbook;

import java.util.List;

/** A template that cannot be run, with every problem found, each a one-line message. */
public final class TemplateException extends Exception {
    private final List<String> problems;

    public TemplateException(List<String> problems) {
        super(String.join(System.lineSeparator(), problems));
        this.problems = List.copyOf(problems);
    }

    public TemplateException(String problem, Throwable cause) {
        super(problem, cause);
        this.problems = List.of(problem);
    }

    public TemplateException(String problem) {
        this(List.of(problem));
    }

    /** The problems, one line each, in the order they were found. */
    public List<String> problems() {
        return problems;
    }
}
