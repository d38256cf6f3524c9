package gradbook.cli;

import java.io.PrintWriter;

/**
 * One line on a terminal that says what a long command is doing, written over itself with
 * carriage returns and removed when the command ends, so that only the result stays.
 */
final class StatusLine {
    private final PrintWriter err;
    private int drawn;

    StatusLine(PrintWriter err) {
        this.err = err;
    }

    void show(String what) {
        String line = "gradbook: " + what + "…";
        err.print("\r" + line + " ".repeat(Math.max(0, drawn - line.length())));
        err.flush();
        drawn = line.length();
    }

    /** Removes the line, so that what follows starts on a clean line. */
    void clear() {
        err.print("\r" + " ".repeat(drawn) + "\r");
        err.flush();
        drawn = 0;
    }
}
