package gradbook.cli;

import gradbook.audit.Audit;
import gradbook.audit.AuditReport;
import gradbook.core.Trace;
import gradbook.workbook.Template;
import gradbook.workbook.TemplateException;
import gradbook.workbook.TemplateReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gradbook check}: grades the hand values of a workbook. */
@Command(name = "check",
        mixinStandardHelpOptions = true,
        description = "Reads a workbook (a template, or a workbook gradbook wrote into which"
                + " someone typed values), runs its gradient step again and judges each hand"
                + " value (the names hand_<quantity>) against it, with the causes of each wrong"
                + " one. The workbook is only read.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every given hand value matches (or none is given)",
            "1:bad workbook or data",
            "2:bad usage",
            "3:at least one hand value does not match"})
final class CheckCommand implements Callable<Integer> {
    @Parameters(paramLabel = "WORKBOOK", description = "The .xlsx workbook to grade.")
    Path workbook;

    @Mixin
    AuditOptions judging;

    @Mixin
    PasswordOption protection;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (default): aligned columns for a terminal; json or csv: for"
            + " programs (see the README for the fields).")
    String format;

    @Option(names = {"-v", "--verbose"}, description = "Show a stack trace on errors.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Formats.check(spec, format, "table", "json", "csv");
        String password = protection.password(spec.commandLine());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Template t = TemplateReader.read(workbook, password);
            Trace trace = judging.judging().take(t);
            Audit audit = judging.judging().audit(t, trace);
            AuditReport report = new AuditReport(t.fileName(), audit);
            out.print(switch (format) {
                case "json" -> report.json();
                case "csv" -> report.csv();
                default -> report.table();
            });
            out.flush();
            return Formats.written(out, err, audit.allMatch() ? 0 : Gradbook.MISMATCH);
        } catch (TemplateException e) {
            return Formats.fail(e, err, verbose);
        }
    }
}
