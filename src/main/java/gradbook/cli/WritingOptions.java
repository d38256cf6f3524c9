package gradbook.cli;

import java.time.Instant;
import picocli.CommandLine.Option;

/**
 * The options that say how a workbook is written: with which password, over whose file, and
 * with a clock or not.
 */
final class WritingOptions {
    @Option(names = "--password", paramLabel = "PASSWORD", arity = "0..1", interactive = true,
            description = "Open a password-protected template (asked for when no value is"
                    + " given); its output is protected with the same password.")
    String password;

    @Option(names = "--force", description = "Replace an existing output that gradbook did not"
            + " write.")
    boolean force;

    @Option(names = "--timestamp", description = "Give the workbook the time the command began"
            + " as its date last modified. Without it a workbook carries no clock, and the same"
            + " template gives the same bytes every time.")
    boolean timestamp;

    /** The date last modified to give, or null for none; one for every workbook of a command. */
    Instant modified() {
        return timestamp ? Instant.now() : null;
    }
}
