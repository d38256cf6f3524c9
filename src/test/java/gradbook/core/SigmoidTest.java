package gradbook.core;

import static gradbook.core.Approx.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SigmoidTest {
    /** About 4.5 units in the last place. */
    private static final double RELATIVE = 1e-15;
    /** S(−x) and 1 − S(x) are each rounded once or twice near 1. */
    private static final double SYMMETRY = 1e-15;

    @Test
    void is_one_half_at_zero() {
        // given
        double x = 0;

        // when
        double s = Sigmoid.S(x);

        // then
        assertEquals(0.5, s, "S(0)");
    }

    @Test
    void is_symmetric_about_zero() {
        // given
        Random random = new Random(1);

        for (int n = 0; n < 10_000; n++) {
            double x = 80 * random.nextDouble() - 40;

            // when
            double below = Sigmoid.S(-x);
            double above = Sigmoid.S(x);

            // then
            assertClose("S(" + -x + ") against 1 − S(" + x + ")", 1 - above, below, SYMMETRY);
        }
    }

    @ParameterizedTest(name = "x = {0}")
    @ValueSource(doubles = {1000, Double.MAX_VALUE, Double.POSITIVE_INFINITY})
    void reaches_one_for_large_x_without_overflow(double x) {
        // given x

        // when
        double s = Sigmoid.S(x);

        // then
        assertEquals(1.0, s, "S(" + x + ")");
    }

    @ParameterizedTest(name = "x = {0}")
    @ValueSource(doubles = {-1000, -Double.MAX_VALUE, Double.NEGATIVE_INFINITY})
    void reaches_zero_for_very_negative_x_without_overflow(double x) {
        // given x

        // when
        double s = Sigmoid.S(x);

        // then
        assertEquals(0.0, s, "S(" + x + ")");
    }

    @Test
    void agrees_with_the_textbook_formula_on_moderate_x() {
        // given
        double[] xs = new double[6001];
        for (int n = 0; n < xs.length; n++) {
            xs[n] = -30 + 0.01 * n;
        }

        for (double x : xs) {
            // when
            double s = Sigmoid.S(x);

            // then
            double textbook = 1 / (1 + Math.exp(-x));
            double relative = Math.abs(s - textbook) / textbook;
            if (!(relative <= RELATIVE)) {
                fail(String.format("S(%s): expected %s but was %s (relative tolerance %s,"
                        + " relative difference %s)", x, textbook, s, RELATIVE, relative));
            }
        }
    }

    @Test
    void passes_NaN_through_rather_than_inventing_a_value() {
        // given
        double x = Double.NaN;

        // when
        double s = Sigmoid.S(x);

        // then
        assertTrue(Double.isNaN(s), "S(NaN) should be NaN but was " + s);
    }
}
