package gradbook.cli;

import gradbook.audit.AnswerKey;
import gradbook.audit.HandValue;
import gradbook.core.Trace;
import gradbook.workbook.HandValueReader;
import gradbook.workbook.Judging;
import gradbook.workbook.OutputTarget;
import gradbook.workbook.Template;
import gradbook.workbook.TemplateException;
import gradbook.workbook.TemplateReader;
import gradbook.workbook.WorkbookWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gradbook key}: the answer key of a template. */
@Command(name = "key",
        mixinStandardHelpOptions = true,
        description = "Writes the answer key of a template: every value gradbook computes, entry"
                + " by entry, with the tolerance a grader applies, the cell where the template"
                + " asks for it (its hand_ name) and the cell where gradbook run shows it.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done",
            "1:bad template or data, or the key could not be written",
            "2:bad usage"})
final class KeyCommand implements Callable<Integer> {
    @Parameters(paramLabel = "TEMPLATE", description = "The .xlsx template; it is only read.")
    Path template;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write the key to OUT"
            + " instead of standard output; an existing OUT is replaced only if it is a key"
            + " gradbook wrote, or with --force.")
    Path output;

    @Option(names = "--force", description = "Replace an existing OUT that is not a key"
            + " gradbook wrote.")
    boolean force;

    @Mixin
    AuditOptions judging;

    @Mixin
    PasswordOption protection;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "json",
            description = "json (default) or csv (see the README for the fields).")
    String format;

    @Option(names = {"-v", "--verbose"}, description = "Show a stack trace on errors.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Formats.check(spec, format, "json", "csv");
        if (output != null && output.toString().equals("-")) {
            output = null; // as other tools read "-o -": standard output
        }
        String password = protection.password(spec.commandLine());
        PrintWriter err = spec.commandLine().getErr();
        if (output != null && OutputTarget.sameFile(output, template)) {
            err.println("gradbook: " + output + ": is the template itself, which gradbook never"
                    + " overwrites; choose another -o");
            return Gradbook.USAGE;
        }
        if (output != null) {
            try {
                OutputTarget.checkFolder(output);
                // As run keeps a workbook it did not write: OUT may be anybody's file.
                if (Files.exists(output) && !force && !AnswerKey.isKey(output)) {
                    err.println("gradbook: " + output + ": exists and is not an answer key"
                            + " gradbook wrote; give --force to replace it, or choose another -o");
                    return Gradbook.BAD_INPUT;
                }
            } catch (OutputTarget.OutputException e) {
                err.println("gradbook: " + e.getMessage());
                return Gradbook.BAD_INPUT;
            } catch (IOException e) {
                err.println("gradbook: " + output + ": cannot be read to see whether it is a key ("
                        + e.getMessage() + "); choose another -o");
                return Gradbook.BAD_INPUT;
            }
        }
        try {
            AnswerKey key = answerKey(template, password, judging.judging());
            OutputTarget.Text text = format.equals("csv") ? key::writeCsv : key::writeJson;
            if (output == null) {
                PrintWriter out = spec.commandLine().getOut();
                text.writeTo(out);
                return Formats.written(out, err, 0);
            }
            OutputTarget.writeText(output, text);
            return 0;
        } catch (TemplateException e) {
            return Formats.fail(e, err, verbose);
        } catch (IOException e) {
            err.println("gradbook: " + output + ": cannot be written (" + e.getMessage() + ")");
            return Gradbook.BAD_INPUT;
        }
    }

    /**
     * The answer key of {@code template} (opened with {@code password}, which may be null),
     * judged by {@code judging}; new writes it too.
     */
    // The key gives every value as the template lays it out (see TemplateLayout).
    static AnswerKey answerKey(Path template, String password, Judging judging)
            throws TemplateException {
        Template t = TemplateReader.read(template, password);
        Trace trace = judging.take(t);
        Trace shown = t.layout().shown(trace);
        List<HandValue> hands = HandValueReader.read(t, shown);
        return new AnswerKey(t.fileName(), shown, judging.tolerance(), hands,
                WorkbookWriter.valueCells(t, trace));
    }
}
