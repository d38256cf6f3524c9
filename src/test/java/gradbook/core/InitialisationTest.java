package gradbook.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

// Issue #7: the initialisations of gradbook new draw at the scale each scheme prescribes.
class InitialisationTest {
    // A drawn number is rounded to 4 decimals, so it may pass a limit by half a unit of them.
    private static final double ROUNDING = 0.5e-4;

    @Test
    void xavier_keeps_every_weight_within_its_limit_and_reaches_near_it() {
        // given a layer of 30 inputs and 20 units, whose limit is √(6/50)
        double limit = Math.sqrt(6.0 / 50);

        // when
        Matrix W = Initialisation.XAVIER.weights(new Random(3), 30, 20);

        // then
        double largest = largest(W);
        assertTrue(largest <= limit + ROUNDING, "expected |w| ≤ " + limit + ", found "
                + largest);
        assertTrue(largest >= 0.95 * limit, "expected weights near the limit " + limit
                + " among 600, the largest is " + largest);
        assertEquals(limit, Initialisation.xavierLimit(30, 20), 1e-15);
    }

    @Test
    void he_draws_weights_whose_spread_is_the_square_root_of_2_over_fan_in() {
        // given a big layer: 200 inputs, 200 units, so σ = √(2/200) = 0.1
        double sigma = 0.1;

        // when
        Matrix W = Initialisation.HE.weights(new Random(11), 200, 200);

        // then the sample mean is near 0 and the sample deviation within 2% of σ (40,000
        // draws put the sample deviation's own spread near 0.35%)
        double sum = 0;
        double squares = 0;
        int n = W.rows() * W.cols();
        for (int i = 0; i < W.rows(); i++) {
            for (int j = 0; j < W.cols(); j++) {
                sum += W.get(i, j);
                squares += W.get(i, j) * W.get(i, j);
            }
        }
        double mean = sum / n;
        double deviation = Math.sqrt(squares / n - mean * mean);
        assertEquals(0, mean, 3 * sigma / Math.sqrt(n), "mean");
        assertEquals(sigma, deviation, 0.02 * sigma, "sample deviation, expected " + sigma
                + ", actual " + deviation + ", tolerance 2%");
    }

    @Test
    void uniform_draws_weights_and_biases_in_minus_1_to_1() {
        // given
        Random random = new Random(5);

        // when
        Matrix W = Initialisation.UNIFORM.weights(random, 40, 40);
        Matrix b = Initialisation.UNIFORM.biases(random, 40);

        // then
        assertTrue(largest(W) <= 1 && largest(W) > 0.95, "largest |w| " + largest(W));
        assertTrue(largest(b) <= 1 && largest(b) > 0, "largest |b| " + largest(b));
    }

    @Test
    void xavier_and_he_start_the_biases_at_0() {
        // given
        Random random = new Random(5);

        // when
        Matrix xavier = Initialisation.XAVIER.biases(random, 3);
        Matrix he = Initialisation.HE.biases(random, 3);

        // then
        assertEquals(Matrix.filled(3, 1, 0), xavier);
        assertEquals(Matrix.filled(3, 1, 0), he);
    }

    @Test
    void every_drawn_number_has_at_most_4_decimals() {
        // given
        Matrix W = Initialisation.HE.weights(new Random(2), 10, 10);

        // when, then
        for (int i = 0; i < W.rows(); i++) {
            for (int j = 0; j < W.cols(); j++) {
                double scaled = W.get(i, j) * 10_000;
                assertEquals(Math.rint(scaled), scaled, 1e-6, "W[" + i + "][" + j + "] = "
                        + W.get(i, j));
            }
        }
    }

    private static double largest(Matrix m) {
        double largest = 0;
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.cols(); j++) {
                largest = Math.max(largest, Math.abs(m.get(i, j)));
            }
        }
        return largest;
    }
}
