package gradbook.core;

import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Assertions on numbers and matrices that name expected, actual, tolerance and difference. */
final class Approx {
    private static final MathContext SIX_DIGITS = new MathContext(6, RoundingMode.HALF_UP);

    private Approx() {
    }

    /** Fails unless |actual − expected| ≤ tolerance; NaN never passes. */
    static void assertClose(String what, double expected, double actual, double tolerance) {
        double difference = actual - expected;
        if (!(Math.abs(difference) <= tolerance)) {
            fail(String.format("%s: expected %s but was %s (tolerance %s, difference %s)",
                    what, expected, actual, tolerance, difference));
        }
    }

    /** Entry by entry, after checking that the shapes agree. */
    static void assertClose(String what, Matrix expected, Matrix actual, double tolerance) {
        assertSameShape(what, expected, actual);
        for (int i = 0; i < expected.rows(); i++) {
            for (int j = 0; j < expected.cols(); j++) {
                assertClose(entry(what, i, j), expected.get(i, j), actual.get(i, j), tolerance);
            }
        }
    }

    /**
     * Compares with a value the document prints to 6 significant digits: both are rounded to
     * 6 significant digits and must then be equal.
     */
    static void assertAsPrinted(String what, Matrix printed, Matrix actual) {
        assertSameShape(what, printed, actual);
        for (int i = 0; i < printed.rows(); i++) {
            for (int j = 0; j < printed.cols(); j++) {
                double p = printed.get(i, j);
                double a = actual.get(i, j);
                BigDecimal roundedP = new BigDecimal(p).round(SIX_DIGITS);
                BigDecimal roundedA = new BigDecimal(a).round(SIX_DIGITS);
                if (roundedP.compareTo(roundedA) != 0) {
                    fail(String.format("%s: expected %s as printed but was %s, which rounds to %s"
                            + " (tolerance 6 significant digits, difference %s)",
                            entry(what, i, j), roundedP, a, roundedA, a - p));
                }
            }
        }
    }

    static void assertSameShape(String what, Matrix expected, Matrix actual) {
        if (!expected.sameShape(actual)) {
            fail(what + ": expected shape " + expected.shape() + " but was " + actual.shape());
        }
    }

    private static String entry(String what, int i, int j) {
        return what + "[" + i + "][" + j + "]";
    }
}
