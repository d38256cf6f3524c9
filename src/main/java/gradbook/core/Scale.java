package gradbook.core;

/**
 * A constant factor p/q of a quantity, such as the ½ of E = ½ Σ (a − y)² or the 1/N of a mean
 * over N samples. It is kept as a fraction so that the formula twin writes {@code p/q*(…)} and
 * the spreadsheet rounds it exactly as Java does, (double) p / q times the rest.
 */
public record Scale(long numerator, long denominator) {
    public static final Scale ONE = new Scale(1, 1);

    public Scale {
        if (numerator <= 0 || denominator <= 0) {
            throw new IllegalArgumentException("a scale is a positive fraction, not "
                    + numerator + "/" + denominator);
        }
        long g = gcd(numerator, denominator);
        numerator /= g;
        denominator /= g;
    }

    public static Scale of(long numerator, long denominator) {
        return new Scale(numerator, denominator);
    }

    public Scale times(Scale other) {
        return new Scale(numerator * other.numerator, denominator * other.denominator);
    }

    public boolean isOne() {
        return numerator == 1 && denominator == 1;
    }

    public double value() {
        return (double) numerator / denominator;
    }

    /** The factor as the labels write it before a term: "", "2 ", "½ ", "(1/6) ". */
    public String symbol() {
        if (isOne()) {
            return "";
        }
        if (numerator == 1 && denominator == 2) {
            return "½ ";
        }
        return denominator == 1 ? numerator + " " : "(" + numerator + "/" + denominator + ") ";
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
