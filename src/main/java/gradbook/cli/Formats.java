package gradbook.cli;

import gradbook.workbook.TemplateException;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;

/**
 * Checks a {@code --format} value, and reports a template's problems and a failed write to
 * standard output, for check and key.
 */
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

    /**
     * {@code code}, or, when {@code out} could not be written (a closed pipe, a full disk),
     * one line saying so and exit 1. picocli's writer keeps such an error to itself, so the
     * command would otherwise report success over an incomplete key or report.
     */
    static int written(PrintWriter out, PrintWriter err, int code) {
        // picocli's writer writes to System.out, a PrintStream that keeps its errors too.
        if (!out.checkError() && !System.out.checkError()) {
            return code;
        }
        err.println("gradbook: standard output could not be written (closed, or its disk is"
                + " full), so what it got is incomplete; write to a file with -o or > instead");
        err.flush();
        return Gradbook.BAD_INPUT;
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
