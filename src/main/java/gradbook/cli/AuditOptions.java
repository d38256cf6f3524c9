package gradbook.cli;

import gradbook.audit.Audit;
import gradbook.audit.HandValue;
import gradbook.audit.Tolerance;
import gradbook.core.Convention;
import gradbook.core.GradientStep;
import gradbook.core.Trace;
import gradbook.workbook.HandValueReader;
import gradbook.workbook.Template;
import gradbook.workbook.TemplateException;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The options that say what a step is judged by: the convention and the tolerance. */
final class AuditOptions {
    @Option(names = "--convention", paramLabel = "NAME", defaultValue = "textbook",
            converter = Conventions.class, description = "textbook (default): the document's"
            + " formulas; notebook: the document's code, which gives its printed numbers but not"
            + " the gradients of E (two layers of one width only).")
    Convention convention;

    @Option(names = "--tolerance", paramLabel = "REL", defaultValue = "1e-5",
            converter = Tolerances.class, description = "How far, relative to the computed value,"
            + " a hand value may be and still match (default: ${DEFAULT-VALUE}); values that"
            + " agree to 6 significant digits, or within 1e-9, always match.")
    Tolerance tolerance;

    /** The step of {@code t}'s network under the chosen convention. */
    Trace take(Template t) throws TemplateException {
        return Conventions.take(t, convention);
    }

    /** The template's hand values judged against {@code trace}. */
    Audit audit(Template t, Trace trace) throws TemplateException {
        List<HandValue> hands = HandValueReader.read(t, trace);
        Convention other = convention == Convention.TEXTBOOK ? Convention.NOTEBOOK
                : Convention.TEXTBOOK;
        Trace otherTrace = other.problem(t.network()) == null
                ? GradientStep.take(t.network(), other) : null;
        return Audit.judge(trace, otherTrace, hands, tolerance);
    }

    static final class Tolerances implements ITypeConverter<Tolerance> {
        @Override
        public Tolerance convert(String value) {
            try {
                return new Tolerance(Double.parseDouble(value));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not a relative tolerance;"
                        + " give a number ≥ 0, e.g. 1e-4");
            }
        }
    }
}
