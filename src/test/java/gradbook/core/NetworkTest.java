package gradbook.core;

import static gradbook.core.Approx.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkTest {
    private static final Matrix TWO_BY_TWO = Matrix.of(new double[][] {{1, 0}, {0, 1}});
    private static final Matrix THREE_BY_TWO = Matrix.of(new double[][] {{1, 0}, {0, 1}, {1, 1}});

    @Test
    void finds_no_shape_problem_in_the_worked_example() {
        // given
        Network example = Networks.workedExample();

        // when
        List<String> problems = example.shapeProblems();

        // then
        assertEquals(List.of(), problems);
    }

    @Test
    void names_both_shapes_when_a_weight_matrix_does_not_fit_the_layer_before() {
        // given
        Network net = new Network(Matrix.column(1, 1), Matrix.column(1, 1),
                List.of(TWO_BY_TWO, THREE_BY_TWO),
                List.of(Matrix.column(0, 0), Matrix.column(0, 0)), 0.1);

        // when
        List<String> problems = net.shapeProblems();

        // then
        assertEquals(List.of("W_1 is 3 × 2 but a_0 has 2 entries:"
                + " W_1 needs one row per entry of a_0"), problems);
    }

    @Test
    void names_x_when_the_first_weight_matrix_does_not_fit_it() {
        // given
        Network net = new Network(Matrix.column(1), Matrix.column(1, 1), List.of(TWO_BY_TWO),
                List.of(Matrix.column(0, 0)), 0.1);

        // when
        List<String> problems = net.shapeProblems();

        // then
        assertEquals(List.of("W_0 is 2 × 2 but x has 1 entry:"
                + " W_0 needs one row per entry of x"), problems);
    }

    @Test
    void lists_every_problem_at_once() {
        // given
        Network net = new Network(Matrix.column(1, 1), Matrix.column(1, 1, 1),
                List.of(TWO_BY_TWO, THREE_BY_TWO),
                List.of(Matrix.column(0, 0, 0), Matrix.column(0, 0)), 0.1);

        // when
        List<String> problems = net.shapeProblems();

        // then
        assertEquals(List.of(
                "b_1 is 3 × 1 but W_0 has 2 columns: b_1 must be 2 × 1, or one cell shared by"
                        + " the layer's units",
                "W_1 is 3 × 2 but a_0 has 2 entries: W_1 needs one row per entry of a_0",
                "y is 3 × 1 but the last layer has 2 outputs: y must be 2 × 1"), problems);
    }

    @Test
    void names_a_bias_that_is_not_a_column() {
        // given
        Matrix row = Matrix.of(new double[][] {{0, 0}});
        Network net = new Network(Matrix.column(1, 1), Matrix.column(1, 1), List.of(TWO_BY_TWO),
                List.of(row), 0.1);

        // when
        List<String> problems = net.shapeProblems();

        // then
        assertEquals(List.of("b_1 is 1 × 2 but W_0 has 2 columns: b_1 must be 2 × 1, or one"
                + " cell shared by the layer's units"), problems);
    }

    // Issue #7: one bias shared by a layer's units.
    @Test
    void takes_a_one_cell_bias_as_shared_by_the_layers_units() {
        // given
        Network net = new Network(Matrix.column(1, 1), Matrix.column(1, 1), List.of(TWO_BY_TWO),
                List.of(Matrix.filled(1, 1, 0.5)), 0.1);

        // when
        List<String> problems = net.shapeProblems();

        // then
        assertEquals(List.of(), problems);
        assertTrue(net.sharedBias(0));
    }

    // Issue #7: x of several columns holds several samples, and y needs as many.
    @Test
    void names_labels_that_do_not_match_the_number_of_samples() {
        // given
        Network net = new Network(TWO_BY_TWO, Matrix.column(1, 1), List.of(TWO_BY_TWO),
                List.of(Matrix.column(0, 0)), 0.1);

        // when
        List<String> problems = net.shapeProblems();

        // then
        assertEquals(List.of("x holds 2 samples but y holds 1: give y one row of labels per"
                + " sample, as x has one row per sample"), problems);
    }

    @Test
    void counts_weight_matrices_and_bias_vectors_when_they_differ() {
        // given
        Network net = new Network(Matrix.column(1, 1), Matrix.column(1, 1),
                List.of(TWO_BY_TWO, TWO_BY_TWO), List.of(Matrix.column(0, 0)), 0.1);

        // when
        List<String> problems = net.shapeProblems();

        // then
        assertEquals(List.of("there are 2 weight matrices but 1 bias vector:"
                + " W_k goes with b_(k+1)"), problems);
    }

    @Test
    void asks_for_W_0_when_there_is_no_layer() {
        // given
        Network net = new Network(Matrix.column(1, 1), Matrix.column(1, 1), List.of(),
                List.of(), 0.1);

        // when
        List<String> problems = net.shapeProblems();

        // then
        assertEquals(List.of("there is no weight matrix: define at least W_0"), problems);
    }

    @Test
    void computes_E_of_the_worked_example_with_the_half() {
        // given
        Network example = Networks.workedExample();

        // when
        double E = example.E();

        // then
        assertClose("E", 0.621347883, E, 1e-9);
    }

    // Issue #7: the choices of activation and loss are checked with the shapes.
    @Test
    void refuses_softmax_below_the_last_layer_and_says_where_it_is_allowed() {
        // given
        Network net = Networks.workedExample().withFunctions(
                List.of(Activation.SOFTMAX, Activation.SIGMOID), Loss.HALF_SSE,
                BatchGradient.SUM);

        // when
        List<Network.ShapeProblem> problems = net.shapeProblemsByName();

        // then
        assertEquals(List.of(new Network.ShapeProblem("activation", "softmax is allowed on the"
                + " last layer only, but layer 0 of 2 (counted from 0) has it; use sigmoid,"
                + " tanh, relu or identity there")), problems);
    }

    @Test
    void refuses_an_activation_list_of_the_wrong_length() {
        // given
        Network net = Networks.workedExample().withFunctions(Network.sigmoids(3), Loss.HALF_SSE,
                BatchGradient.SUM);

        // when
        List<String> problems = net.shapeProblems();

        // then
        assertEquals(List.of("activation names 3 functions but the network has 2 layers; give"
                + " one word for every layer or one per layer"), problems);
    }

    @Test
    void refuses_cross_entropy_after_an_activation_whose_outputs_leave_0_to_1() {
        // given
        Network net = Networks.workedExample().withFunctions(
                List.of(Activation.SIGMOID, Activation.TANH), Loss.CROSS_ENTROPY,
                BatchGradient.SUM);

        // when
        List<Network.ShapeProblem> problems = net.shapeProblemsByName();

        // then
        assertEquals(1, problems.size(), problems.toString());
        assertEquals("loss", problems.get(0).name());
        assertEquals("cross_entropy takes ln of the outputs, so the last layer's activation must"
                + " be sigmoid or softmax (outputs in (0, 1)), not tanh; use one of those, or a"
                + " squared loss (half_sse, sse, mse)", problems.get(0).message());
    }

    @Test
    void refuses_cross_entropy_on_labels_outside_0_to_1() {
        // given
        Network example = Networks.workedExample();
        Network net = new Network(example.x(), Matrix.column(1, 2), example.W(), example.b(),
                0.1, Network.sigmoids(2), Loss.CROSS_ENTROPY, BatchGradient.SUM);

        // when
        List<String> problems = net.shapeProblems();

        // then
        assertEquals(List.of("cross_entropy needs labels in [0, 1], but y has 2.0 (label 2 of"
                + " sample 1); use labels in [0, 1] or a squared loss"), problems);
    }
}
