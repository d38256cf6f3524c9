package gradbook.cli;

import java.io.PrintWriter;

/**
 * A one-line progress bar on a terminal, drawn over itself with carriage returns: how many
 * templates are finished out of how many, and how many of them failed.
 */
final class ProgressBar {
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final int total;
    private int finished;
    private int failed;
    private int drawn;

    ProgressBar(PrintWriter err, int total) {
        this.err = err;
        this.total = total;
        draw();
    }

    void advance(boolean failure) {
        finished++;
        if (failure) {
            failed++;
        }
        draw();
    }

    /** Removes the bar, so that what follows starts on a clean line. */
    void clear() {
        err.print("\r" + " ".repeat(drawn) + "\r");
        err.flush();
    }

    private void draw() {
        int filled = total == 0 ? WIDTH : WIDTH * finished / total;
        String line = "[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + finished
                + "/" + total + (failed > 0 ? ", " + failed + " failed" : "");
        err.print("\r" + line);
        err.flush();
        drawn = line.length();
    }
}
