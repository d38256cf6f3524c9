package gradbook.cli;

import gradbook.batch.Generation;
import gradbook.workbook.Reproducible;
import gradbook.workbook.Version;
import gradbook.workbook.Warmup;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
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

    /** The subcommands by name, in the order help lists them. */
    private static final Map<String, Class<?>> SUBCOMMANDS = new LinkedHashMap<>();

    static {
        SUBCOMMANDS.put("run", RunCommand.class);
        SUBCOMMANDS.put("batch", BatchCommand.class);
        SUBCOMMANDS.put("check", CheckCommand.class);
        SUBCOMMANDS.put("key", KeyCommand.class);
        SUBCOMMANDS.put("new", NewCommand.class);
        SUBCOMMANDS.put("help", CommandLine.HelpCommand.class);
    }

    /** The subcommands that write workbooks, for which {@link Warmup} pays. */
    private static final Set<String> WRITERS = Set.of("run", "batch");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "name a subcommand, e.g. gradbook run TEMPLATE.xlsx");
    }

    public static void main(String[] args) {
        if (args.length > 0 && WRITERS.contains(args[0])) {
            Warmup.inBackground();
        }
        int exit;
        try {
            exit = commandLine(args).execute(args);
        } catch (OutOfMemoryError e) {
            System.err.println("gradbook: " + Generation.outOfMemory());
            exit = BAD_INPUT;
        }
        System.exit(exit);
    }

    /** The configured command line with every subcommand; tests call this. */
    public static CommandLine commandLine() {
        return commandLine(new String[0]);
    }

    /**
     * The command line that main runs for {@code args}. picocli builds the model of every
     * subcommand it is given, by reflection, before it parses anything, a fair part of a run
     * that lasts a second. So when the first argument names a subcommand, only that one is
     * given; help, a usage error and anything else get them all.
     */
    static CommandLine commandLine(String... args) {
        CommandLine cl = new CommandLine(new Gradbook());
        Class<?> named = args.length > 0 ? SUBCOMMANDS.get(args[0]) : null;
        if (named != null && named != CommandLine.HelpCommand.class) {
            cl.addSubcommand(named);
        } else {
            SUBCOMMANDS.values().forEach(cl::addSubcommand);
        }
        return cl.setExecutionExceptionHandler(Gradbook::unexpected)
                .setExecutionStrategy(Gradbook::reproducibly);
    }

    // No clock in the zip entries of a workbook: see Reproducible for why around the whole
    // command, once.
    // picocli hands only Exceptions to the handler below; an OutOfMemoryError thrown by a
    // command passes it by, so it is caught here, where the command's writers are at hand.
    private static int reproducibly(CommandLine.ParseResult parsed) {
        try {
            return Reproducible.call(() -> new CommandLine.RunLast().execute(parsed));
        } catch (OutOfMemoryError e) {
            return unexpected(e, parsed.commandSpec().commandLine(), parsed);
        }
    }

    // A failure nobody foresaw still gets one line, not a stack trace, unless --verbose asks.
    // Running out of memory is no bug of ours but too small a heap, even when it reaches here
    // wrapped (batch's pool passes a task's failure on as its cause): so say how to give more.
    private static int unexpected(Throwable e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (outOfMemory(e)) {
            err.println("gradbook: " + Generation.outOfMemory());
        } else {
            err.println("gradbook: internal error (" + e + "); please report it with the input"
                    + " that caused it");
        }
        if (parsed.expandedArgs().contains("-v") || parsed.expandedArgs().contains("--verbose")) {
            e.printStackTrace(err);
        }
        err.flush();
        return BAD_INPUT;
    }

    private static boolean outOfMemory(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }

    static final class VersionProvider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"gradbook " + Version.get()};
        }
    }
}
