package gradbook.cli;

import gradbook.workbook.FormulaMode;
import java.time.Instant;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The options that say how a workbook is written: with which password, over whose file, with
 * a clock or not, and with which formula twins.
 */
final class WritingOptions {
    @Option(names = "--formulas", paramLabel = "WHICH", defaultValue = "auto",
            converter = FormulaModes.class, description = "all: a formula twin beside every"
            + " value; auto (default): the same, but a quantity of a weight matrix's shape with"
            + " more than " + FormulaMode.AUTO_LIMIT + " entries gets twins only in its first row and column and at the"
            + " entries the gradient check samples; none: the values only.")
    FormulaMode formulas;

    @Mixin
    PasswordOption protection;

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

    static final class FormulaModes implements ITypeConverter<FormulaMode> {
        @Override
        public FormulaMode convert(String value) {
            FormulaMode mode = FormulaMode.byWord(value);
            if (mode == null) {
                throw new TypeConversionException("'" + value + "' is not a --formulas mode;"
                        + " use one of " + FormulaMode.words());
            }
            return mode;
        }
    }
}
