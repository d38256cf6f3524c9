package gradbook.cli;

import gradbook.workbook.TemplateException;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;

/** Checks a {@code --format} value, and reports a template's problems, for check and key. */
final class Formats {
    private Formats() {
    }

    static void check(CommandLine.Model.CommandSpec spec, String format, String... allowed) {
        if (!List.of(allowed).contains(format)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value for"
                    + " option '--format': '" + format + "' is not one of "
                    + String.join(", ", allowed));
        }
    }

    static int fail(TemplateException e, PrintWriter err, boolean verbose) {
        for (String problem : e.problems()) {
            err.println("gradbook: " + problem);
        }
        if (verbose) {
            e.printStackTrace(err);
        }
        return Gradbook.BAD_INPUT;
    }
}
