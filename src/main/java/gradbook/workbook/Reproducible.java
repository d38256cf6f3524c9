package gradbook.workbook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;
import org.apache.poi.util.Reproducibility;

/**
 * Runs work with Apache POI's reproducibility switch on, so that every workbook written
 * meanwhile has the same fixed time on each zip entry instead of the clock's.
 *
 * <p>POI reads the switch from SOURCE_DATE_EPOCH once, and otherwise keeps it in one static
 * field that {@link Reproducibility#runWithSourceDateEpoch} sets and then restores. So it is
 * set once, around a whole command, by the thread that starts the work: threads started
 * inside see it on. Set per workbook on several threads, one thread would restore it while
 * another is still writing.
 */
public final class Reproducible {
    private Reproducible() {
    }

    public static <T> T call(Supplier<T> work) {
        Object[] result = new Object[1];
        try {
            Reproducibility.runWithSourceDateEpoch(() -> result[0] = work.get());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a Supplier throws none; for the compiler
        }
        @SuppressWarnings("unchecked")
        T t = (T) result[0];
        return t;
    }
}
