package gradbook.audit;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * When a hand value matches a computed one: both agree after rounding to {@value #DIGITS}
 * significant digits (as the worked example prints them), or they lie within a relative
 * {@code relative} of the computed value, or within an absolute {@value #ABSOLUTE} near zero.
 */
public record Tolerance(double relative) {
    public static final int DIGITS = 6;
    public static final double ABSOLUTE = 1e-9;
    public static final double DEFAULT_RELATIVE = 1e-5;
    private static final MathContext ROUNDING = new MathContext(DIGITS, RoundingMode.HALF_UP);
    /** The most by which two numbers of equal rounding can differ, relative to the larger. */
    private static final double ROUNDED_SPREAD = Math.pow(10, 1 - DIGITS);

    public Tolerance {
        if (!(relative >= 0) || Double.isInfinite(relative)) {
            throw new IllegalArgumentException("a relative tolerance must be a number ≥ 0, not "
                    + relative);
        }
    }

    public static Tolerance standard() {
        return new Tolerance(DEFAULT_RELATIVE);
    }

    public boolean matches(double hand, double computed) {
        if (!Double.isFinite(hand) || !Double.isFinite(computed)) {
            return false;
        }
        double difference = Math.abs(hand - computed);
        if (difference <= ABSOLUTE || difference <= relative * Math.abs(computed)) {
            return true;
        }
        // Two numbers that round to the same DIGITS significant digits lie within half a unit
        // of its last digit each, so they differ by at most 10^(1 - DIGITS) of the larger one.
        // Most of the values a wrong entry is tried against (see Audit) differ by far more and
        // need no exact decimal rounding, which is slow while a short run is not yet compiled.
        // (Twice the bound leaves room for the rounding of the subtraction.)
        if (difference > 2 * ROUNDED_SPREAD * Math.max(Math.abs(hand), Math.abs(computed))) {
            return false;
        }
        return new BigDecimal(hand).round(ROUNDING)
                .compareTo(new BigDecimal(computed).round(ROUNDING)) == 0;
    }
}
