package gradbook.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link Tolerance#matches} skips the exact decimal rounding when two numbers are too far apart
 * to round alike; these properties hold it to its definition (the class comment's, written out
 * below) on pairs drawn around the edges of the rounding, where both answers occur.
 */
class TolerancePropertyTest {
    private static final MathContext SIX_DIGITS = new MathContext(6, RoundingMode.HALF_UP);

    // The definition, with no short cut.
    private static boolean definition(Tolerance t, double hand, double computed) {
        if (!Double.isFinite(hand) || !Double.isFinite(computed)) {
            return false;
        }
        double difference = Math.abs(hand - computed);
        return difference <= Tolerance.ABSOLUTE || difference <= t.relative() * Math.abs(computed)
                || new BigDecimal(hand).round(SIX_DIGITS)
                        .compareTo(new BigDecimal(computed).round(SIX_DIGITS)) == 0;
    }

    @Property(tries = 3000)
    void without_a_relative_tolerance_a_pair_matches_as_its_rounding_says(
            @ForAll("aroundARounding") double[] pair) {
        Tolerance exact = new Tolerance(0);
        assertEquals(definition(exact, pair[0], pair[1]), exact.matches(pair[0], pair[1]),
                pair[0] + " against " + pair[1]);
    }

    @Property(tries = 3000)
    void with_the_standard_tolerance_a_pair_matches_as_defined(
            @ForAll("aroundARounding") double[] pair) {
        Tolerance standard = Tolerance.standard();
        assertEquals(definition(standard, pair[0], pair[1]), standard.matches(pair[0], pair[1]),
                pair[0] + " against " + pair[1]);
    }

    /**
     * Two numbers within ±0.6 of a unit of the 6th digit of one six-digit decimal, of either
     * sign and many magnitudes; at 1.00000 the two can differ by the whole unit, 10⁻⁵ of
     * themselves, and still round alike, the largest spread there is.
     */
    @Provide
    Arbitrary<double[]> aroundARounding() {
        Arbitrary<Integer> digits = Arbitraries.oneOf(Arbitraries.integers().between(100000,
                999999), Arbitraries.of(100000, 100001, 999999));
        Arbitrary<Integer> exponent = Arbitraries.integers().between(-12, 12);
        Arbitrary<Double> offset = Arbitraries.doubles().between(-0.6, 0.6);
        Arbitrary<Boolean> negative = Arbitraries.of(false, true);
        return Combinators.combine(digits, exponent, offset, offset, negative)
                .as((d, e, fa, fb, minus) -> {
                    double unit = Math.pow(10, e - 5);
                    double rounded = d * unit;
                    double sign = minus ? -1 : 1;
                    return new double[] {sign * (rounded + fa * unit),
                        sign * (rounded + fb * unit)};
                });
    }
}
