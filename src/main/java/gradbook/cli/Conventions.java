package gradbook.cli;

import gradbook.core.Convention;
import gradbook.core.GradientStep;
import gradbook.core.Trace;
import gradbook.workbook.Template;
import gradbook.workbook.TemplateException;
import java.util.Arrays;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --convention} and runs a template's network under it. */
final class Conventions implements ITypeConverter<Convention> {
    @Override
    public Convention convert(String value) {
        for (Convention c : Convention.values()) {
            if (c.word().equals(value.toLowerCase(Locale.ROOT))) {
                return c;
            }
        }
        throw new TypeConversionException("'" + value + "' is not a convention; use one of "
                + String.join(", ", Arrays.stream(Convention.values()).map(Convention::word)
                        .toList()));
    }

    /** The step under {@code convention}, or the template's problem with it as one line. */
    static Trace take(Template t, Convention convention) throws TemplateException {
        String problem = convention.problem(t.network());
        if (problem != null) {
            throw new TemplateException(t.fileName() + ": " + problem + "; use --convention "
                    + Convention.TEXTBOOK.word());
        }
        return GradientStep.take(t.network(), convention);
    }
}
