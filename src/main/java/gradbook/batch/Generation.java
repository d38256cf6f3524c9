package gradbook.batch;

import gradbook.audit.Audit;
import gradbook.audit.AuditReport;
import gradbook.batch.Outcome.Kind;
import gradbook.batch.Outcome.Message;
import gradbook.batch.Outcome.Status;
import gradbook.core.Trace;
import gradbook.workbook.FormulaMode;
import gradbook.workbook.Judging;
import gradbook.workbook.OutputTarget;
import gradbook.workbook.Template;
import gradbook.workbook.TemplateException;
import gradbook.workbook.TemplateReader;
import gradbook.workbook.WorkbookWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One template in, one workbook out, as {@code run} does it and {@code batch} does it for each
 * template: check the output may be written, read the template, take the step, judge the hand
 * values, write. Nothing is printed; every message is kept in the outcome, so that templates
 * run side by side do not mix their lines.
 */
public final class Generation {
    private Generation() {
    }

    /**
     * What to make of one template.
     *
     * @param inPlace true when {@code output} is the template itself, regenerated in place
     * @param force true when an existing output that gradbook did not write may be replaced
     * @param password opens an encrypted template and encrypts the output; null for none
     * @param modified the date last modified to give the workbook; null gives none
     * @param formulas which formula twins to write ({@code --formulas})
     */
    public record Request(Path template, Path output, Judging judging, boolean inPlace,
            boolean force, String password, Instant modified, FormulaMode formulas) {
    }

    /** The name of the output: worked-example.xlsx gives worked-example-gradbook.xlsx. */
    public static String outputName(Path template) {
        String name = template.getFileName() == null ? "" : template.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        return base + "-gradbook.xlsx";
    }

    /**
     * What to say when the heap runs out: a large network can outgrow what Java gives by
     * default, and the person can give it more.
     */
    public static String outOfMemory() {
        return "out of memory: this needs more than the "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB Java may use; give it"
                + " more, e.g. java -Xmx4g -jar gradbook.jar …, or JAVA_OPTS=-Xmx4g with the"
                + " launcher";
    }

    /** Makes the workbook {@code r} asks for; every failure ends in the outcome, none thrown. */
    public static Outcome run(Request r) {
        return run(r, stage -> { });
    }

    /**
     * As {@link #run(Request)}, telling {@code stages} what it is doing as it begins each step
     * (reading, computing, writing), for a person watching a large network at a terminal.
     */
    public static Outcome run(Request r, Consumer<String> stages) {
        List<Message> messages = new ArrayList<>();
        String outputProblem = null;
        try {
            if (!r.inPlace() && OutputTarget.sameFile(r.output(), r.template())) {
                throw new OutputTarget.OutputException(r.output() + ": is the template itself,"
                        + " or a link to it, which gradbook changes only when asked with"
                        + " --in-place; choose another -o");
            }
            OutputTarget.check(r.output(), r.inPlace(), r.force(), r.password());
        } catch (OutputTarget.OutputException e) {
            outputProblem = e.getMessage();
        }
        try {
            stages.accept("reading " + r.template());
            Template t = TemplateReader.read(r.template(), r.password());
            if (outputProblem != null) {
                return failed(r, messages, List.of(outputProblem), null);
            }
            t.warnings().forEach(w -> messages.add(new Message(Kind.WARNING, w)));
            t.notes().forEach(n -> messages.add(new Message(Kind.NOTE, n)));
            messages.add(new Message(Kind.NOTE, "read " + t.fileName() + ": "
                    + t.network().layers() + " layers, input width " + t.network().x().rows()));
            stages.accept("computing the step of " + t.network().layers() + " layers and"
                    + " checking its gradients");
            Trace trace = r.judging().take(t);
            Audit audit = r.judging().audit(t, trace);
            if (!audit.quantities().isEmpty()) {
                messages.add(new Message(Kind.NOTE,
                        new AuditReport(t.fileName(), audit).summary()));
            }
            stages.accept("writing " + r.output());
            WorkbookWriter.write(t, trace, audit, r.output(), r.modified(), r.formulas());
            return new Outcome(r.template(), r.output(), Status.WRITTEN, messages, null);
        } catch (TemplateException e) {
            e.problems().forEach(p -> messages.add(new Message(Kind.PROBLEM, p)));
            e.warnings().forEach(w -> messages.add(new Message(Kind.WARNING, w)));
            return failed(r, messages, outputProblem == null ? List.of() : List.of(outputProblem),
                    e);
        } catch (OutputTarget.OutputException e) {
            return failed(r, messages, List.of(e.getMessage()), e);
        } catch (IOException e) {
            return failed(r, messages, List.of(r.output() + ": cannot be written ("
                    + e.getMessage() + ")"), e);
        } catch (OutOfMemoryError e) {
            // The template's objects are gone with this frame, so a batch's others may fit.
            return failed(r, messages, List.of(r.template() + ": " + outOfMemory()), null);
        }
    }

    private static Outcome failed(Request r, List<Message> messages, List<String> problems,
            Exception error) {
        problems.forEach(p -> messages.add(new Message(Kind.PROBLEM, p)));
        return new Outcome(r.template(), r.output(), Status.FAILED, messages, error);
    }
}
