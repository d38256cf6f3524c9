package gradbook.cli;

import gradbook.workbook.Reproducible;
import gradbook.workbook.Version;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** The {@code gradbook} command: subcommands, exit codes and version. */
@Command(name = "gradbook",
        mixinStandardHelpOptions = true,
        versionProvider = Gradbook.VersionProvider.class,
        description = "Makes backpropagation auditable in a spreadsheet: reads a network from an"
                + " .xlsx template, runs one forward pass, one backward pass and one gradient"
                + " step, and writes every intermediate beside a live formula that recomputes it.",
        subcommands = {RunCommand.class, BatchCommand.class, CheckCommand.class, KeyCommand.class,
            CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done",
            "1:bad template or data, or the output could not be written; batch: at least one"
                    + " template failed",
            "2:bad usage (unknown option, missing argument)",
            "3:check: at least one hand value does not match"})
public final class Gradbook implements Runnable {
    /** Exit code for a template or file that cannot be used. */
    public static final int BAD_INPUT = 1;
    /** Exit code for a command line that cannot be understood. */
    public static final int USAGE = 2;
    /** Exit code of check when it ran and found a hand value that does not match. */
    public static final int MISMATCH = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "name a subcommand, e.g. gradbook run TEMPLATE.xlsx");
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, as main runs it; tests call this too. */
    public static CommandLine commandLine() {
        return new CommandLine(new Gradbook())
                .setExecutionExceptionHandler(Gradbook::unexpected)
                .setExecutionStrategy(Gradbook::reproducibly);
    }

    // No clock in the zip entries of a workbook: see Reproducible for why around the whole
    // command, once.
    private static int reproducibly(CommandLine.ParseResult parsed) {
        return Reproducible.call(() -> new CommandLine.RunLast().execute(parsed));
    }

    // A failure nobody foresaw still gets one line, not a stack trace, unless --verbose asks.
    private static int unexpected(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        err.println("gradbook: internal error (" + e + "); please report it with the input that"
                + " caused it");
        if (parsed.expandedArgs().contains("-v") || parsed.expandedArgs().contains("--verbose")) {
            e.printStackTrace(err);
        }
        return BAD_INPUT;
    }

    static final class VersionProvider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"gradbook " + Version.get()};
        }
    }
}
