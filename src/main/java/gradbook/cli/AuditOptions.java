package gradbook.cli;

import gradbook.audit.Tolerance;
import gradbook.core.Convention;
import gradbook.workbook.Judging;
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

    /** The chosen convention and tolerance, for the workbook layer. */
    Judging judging() {
        return new Judging(convention, tolerance);
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
