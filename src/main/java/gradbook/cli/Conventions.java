package gradbook.cli;

import gradbook.core.Convention;
import java.util.Arrays;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --convention}. */
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
}
