package gradbook.cli;

import gradbook.audit.Audit;
import gradbook.audit.AuditReport;
import gradbook.core.Trace;
import gradbook.workbook.OutputTarget;
import gradbook.workbook.Template;
import gradbook.workbook.TemplateException;
import gradbook.workbook.TemplateReader;
import gradbook.workbook.WorkbookWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
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

    @Option(names = "--force", description = "Replace an existing OUT that gradbook did not"
            + " write.")
    boolean force;

    @Option(names = "--password", paramLabel = "PASSWORD", arity = "0..1", interactive = true,
            description = "Open a password-protected TEMPLATE (asked for when no value is"
                    + " given); the output is protected with the same password.")
    String password;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path target = inPlace ? template : output != null ? output : defaultOutput(template);
        String usageProblem = inPlace ? checkInPlace() : checkOutput(target);
        if (usageProblem != null) {
            err.println("gradbook: " + usageProblem);
            return Gradbook.USAGE;
        }
        String outputProblem = null;
        try {
            OutputTarget.check(target, inPlace, force, password);
        } catch (OutputTarget.OutputException e) {
            outputProblem = e.getMessage();
        }
        try {
            Template t = TemplateReader.read(template, password);
            if (outputProblem != null) {
                err.println("gradbook: " + outputProblem);
                return Gradbook.BAD_INPUT;
            }
            for (String warning : t.warnings()) {
                err.println("gradbook: warning: " + warning);
            }
            if (verbose) {
                t.notes().forEach(err::println);
                err.println("read " + t.fileName() + ": " + t.network().layers()
                        + " layers, input width " + t.network().x().rows());
            }
            Trace trace = judging.take(t);
            Audit audit = judging.audit(t, trace);
            if (verbose && !audit.quantities().isEmpty()) {
                err.println(new AuditReport(t.fileName(), audit).summary());
            }
            WorkbookWriter.write(t, trace, audit, target);
            out.println("wrote " + target);
            return 0;
        } catch (TemplateException e) {
            for (String problem : e.problems()) {
                err.println("gradbook: " + problem);
            }
            for (String warning : e.warnings()) {
                err.println("gradbook: warning: " + warning);
            }
            if (outputProblem != null) {
                err.println("gradbook: " + outputProblem);
            }
            stackTrace(e, err);
            return Gradbook.BAD_INPUT;
        } catch (OutputTarget.OutputException e) {
            err.println("gradbook: " + e.getMessage());
            stackTrace(e, err);
            return Gradbook.BAD_INPUT;
        } catch (IOException e) {
            err.println("gradbook: " + target + ": cannot be written (" + e.getMessage() + ")");
            stackTrace(e, err);
            return Gradbook.BAD_INPUT;
        }
    }

    /** worked-example.xlsx becomes worked-example-gradbook.xlsx in the current folder. */
    static Path defaultOutput(Path template) {
        String name = template.getFileName() == null ? "" : template.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        return Path.of(base + "-gradbook.xlsx");
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
        if (target.toAbsolutePath().normalize().equals(template.toAbsolutePath().normalize())
                || sameFile(target, template)) {
            return target + ": is the template itself, which gradbook changes only when asked"
                    + " with --in-place; choose another -o";
        }
        return null;
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    private void stackTrace(Exception e, PrintWriter err) {
        if (verbose) {
            e.printStackTrace(err);
        }
    }
}
