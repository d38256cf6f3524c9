package gradbook.cli;

import gradbook.batch.Outcome;
import java.io.PrintWriter;

/** Prints the messages of one template's outcome, in the order they arose. */
final class Messages {
    private Messages() {
    }

    /** Problems and warnings always; notes and the stack trace of a failure when verbose. */
    static void print(Outcome outcome, PrintWriter err, boolean verbose) {
        for (Outcome.Message m : outcome.messages()) {
            switch (m.kind()) {
                case PROBLEM -> err.println("gradbook: " + m.text());
                case WARNING -> err.println("gradbook: warning: " + m.text());
                case NOTE -> {
                    if (verbose) {
                        err.println(m.text());
                    }
                }
            }
        }
        if (verbose && outcome.error() != null) {
            outcome.error().printStackTrace(err);
        }
    }
}
