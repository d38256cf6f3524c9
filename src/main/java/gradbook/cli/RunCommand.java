package gradbook.cli;

import gradbook.batch.Generation;
import gradbook.batch.Outcome;
import gradbook.workbook.OutputTarget;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gradbook run}: one template in, one audited workbook out. */
@Command(name = "run",
        mixinStandardHelpOptions = true,
        description = "Runs one gradient step of the template's network and writes the workbook"
                + " with every intermediate beside its formula.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done",
            "1:bad template or data, or the output could not be written",
            "2:bad usage"})
final class RunCommand implements Callable<Integer> {
    @Parameters(paramLabel = "TEMPLATE", description = "The .xlsx template to read; it is"
            + " changed only with --in-place.")
    Path template;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Where to write the"
            + " workbook (default: TEMPLATE's base name with -gradbook.xlsx, in the current"
            + " folder).")
    Path output;

    @Mixin
    AuditOptions judging;

    @Option(names = {"-v", "--verbose"}, description = "Say what was read and written; show a"
            + " stack trace on errors.")
    boolean verbose;

    @Option(names = "--in-place", description = "Regenerate TEMPLATE itself: replace only the"
            + " sheets and names gradbook made, keep everything else.")
    boolean inPlace;

    @Mixin
    WritingOptions writing;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String password = writing.protection.password(spec.commandLine());
        Path target = inPlace ? template
                : output != null ? output : Path.of(Generation.outputName(template));
        String usageProblem = inPlace ? checkInPlace() : checkOutput(target);
        if (usageProblem != null) {
            err.println("gradbook: " + usageProblem);
            return Gradbook.USAGE;
        }
        // A large network takes seconds; at a terminal a status line says what is going on.
        StatusLine status = System.console() != null ? new StatusLine(err) : null;
        Outcome outcome = Generation.run(new Generation.Request(template, target,
                judging.judging(), inPlace, writing.force, password,
                writing.modified(), writing.formulas), status == null ? stage -> { } : status::show);
        if (status != null) {
            status.clear();
        }
        Messages.print(outcome, err, verbose);
        if (outcome.status() == Outcome.Status.FAILED) {
            return Gradbook.BAD_INPUT;
        }
        out.println("wrote " + target);
        return 0;
    }

    // The output is a plain .xlsx, so only an .xlsx can be regenerated in place.
    private String checkInPlace() {
        if (output != null) {
            return "--in-place writes to TEMPLATE itself; give either --in-place or -o, not both";
        }
        if (template.getFileName() == null
                || !template.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
            return template + ": --in-place needs an .xlsx template, since gradbook writes .xlsx;"
                    + " give -o a name ending in .xlsx instead";
        }
        return null;
    }

    private String checkOutput(Path target) {
        if (target.getFileName() == null
                || !target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
            return target + ": the output must be an .xlsx file; give -o a name ending in .xlsx";
        }
        if (OutputTarget.sameFile(target, template)) {
            return target + ": is the template itself, which gradbook changes only when asked"
                    + " with --in-place; choose another -o";
        }
        return null;
    }
}
