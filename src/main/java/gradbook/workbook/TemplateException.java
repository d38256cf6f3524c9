package gradbook.workbook;

import java.util.List;

/** A template that cannot be run, with every problem found, each a one-line message. */
public final class TemplateException extends Exception {
    private final List<String> problems;
    private final List<String> warnings;

    public TemplateException(List<String> problems) {
        this(problems, List.of());
    }

    /** Problems that stop the run, with the warnings found on the way, one line each. */
    public TemplateException(List<String> problems, List<String> warnings) {
        super(String.join(System.lineSeparator(), problems));
        this.problems = List.copyOf(problems);
        this.warnings = List.copyOf(warnings);
    }

    public TemplateException(String problem, Throwable cause) {
        super(problem, cause);
        this.problems = List.of(problem);
        this.warnings = List.of();
    }

    public TemplateException(String problem) {
        this(List.of(problem));
    }

    /** The problems, one line each, in the order they were found. */
    public List<String> problems() {
        return problems;
    }

    /** What deserves a look but did not stop the run on its own, one line each. */
    public List<String> warnings() {
        return warnings;
    }
}
