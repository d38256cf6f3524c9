package gradbook.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

// Issue #7: gradbook new draws its network from the seed alone.
class ExerciseTest {
    @Test
    void the_same_seed_draws_the_same_network() {
        // given
        Exercise exercise = sigmoid(7, 2, null, null);

        // when
        Network first = exercise.network();
        Network second = sigmoid(7, 2, null, null).network();

        // then
        assertEquals(first, second);
    }

    @Test
    void another_seed_draws_other_weights_inputs_and_labels() {
        // given, when
        Network seven = sigmoid(7, 1, null, null).network();
        Network eight = sigmoid(8, 1, null, null).network();

        // then
        for (int k = 0; k < seven.layers(); k++) {
            assertNotEquals(seven.W().get(k), eight.W().get(k), "W_" + k);
        }
        assertNotEquals(seven.x(), eight.x(), "x");
        assertNotEquals(seven.y(), eight.y(), "y");
    }

    @Test
    void given_inputs_and_labels_are_kept_and_leave_the_weights_as_drawn() {
        // given
        Matrix x = Matrix.column(1, 0.5, -1);
        Matrix y = Matrix.column(1, 0);

        // when
        Network given = sigmoid(7, 1, x, y).network();
        Network drawn = sigmoid(7, 1, null, null).network();

        // then
        assertEquals(x, given.x());
        assertEquals(y, given.y());
        assertEquals(drawn.W(), given.W());
        assertEquals(drawn.b(), given.b());
    }

    @Test
    void labels_under_softmax_are_one_hot_and_otherwise_in_0_to_1() {
        // given
        Exercise softmax = new Exercise(List.of(3, 4, 3), List.of(Activation.TANH,
                Activation.SOFTMAX), Loss.CROSS_ENTROPY, BatchGradient.MEAN, Initialisation.HE,
                4, 20, null, null, 0.1);

        // when
        Matrix oneHot = softmax.network().y();
        Matrix squared = sigmoid(4, 20, null, null).network().y();

        // then
        for (int s = 0; s < 20; s++) {
            double sum = 0;
            for (int i = 0; i < oneHot.rows(); i++) {
                double v = oneHot.get(i, s);
                assertTrue(v == 0 || v == 1, "label " + v + " of sample " + s);
                sum += v;
            }
            assertEquals(1, sum, "one class per sample, sample " + s);
            for (int i = 0; i < squared.rows(); i++) {
                assertTrue(squared.get(i, s) >= 0 && squared.get(i, s) <= 1);
            }
        }
        assertTrue(softmax.network().shapeProblems().isEmpty());
    }

    @Test
    void one_activation_word_is_used_for_every_layer() {
        // given, when
        Exercise e = sigmoid(1, 1, null, null);

        // then
        assertEquals(Network.sigmoids(2), e.activation());
    }

    private static Exercise sigmoid(long seed, int samples, Matrix x, Matrix y) {
        return new Exercise(List.of(3, 4, 2), List.of(Activation.SIGMOID), Loss.HALF_SSE,
                BatchGradient.SUM, Initialisation.XAVIER, seed, samples, x, y, 0.1);
    }
}
