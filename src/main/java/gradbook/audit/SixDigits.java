package gradbook.audit;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Numbers written as the worked example prints them: 6 significant digits, no trailing 0s. */
public final class SixDigits {
    private SixDigits() {
    }

    /** e.g. 0.0739498, -2.25508, 0, 1.3376E-6; NaN gives the empty string. */
    public static String format(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (v == 0 || Double.isInfinite(v)) {
            return v == 0 ? "0" : Double.toString(v);
        }
        BigDecimal rounded = new BigDecimal(v)
                .round(new MathContext(Tolerance.DIGITS, RoundingMode.HALF_UP))
                .stripTrailingZeros();
        double magnitude = Math.abs(rounded.doubleValue());
        if (magnitude >= 1e-4 && magnitude < 1e6) {
            return rounded.toPlainString();
        }
        int exponent = rounded.precision() - rounded.scale() - 1;
        return rounded.movePointLeft(exponent).toPlainString() + "E" + exponent;
    }
}
