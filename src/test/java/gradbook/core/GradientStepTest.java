package gradbook.core;

import static gradbook.core.Approx.assertAsPrinted;
import static gradbook.core.Approx.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GradientStepTest {
    /** The "done by the formulas" table is printed to 9 decimals. */
    private static final double TABLE = 1e-9;

    @Test
    void computes_the_forward_values_the_document_prints() {
        // given
        Network example = Networks.workedExample();

        // when
        Trace trace = GradientStep.take(example);

        // then
        assertAsPrinted("z_0", Matrix.column(0, -0.5), trace.value("z_0"));
        assertAsPrinted("a_0", Matrix.column(0.5, 0.377541), trace.value("a_0"));
        assertAsPrinted("z_1", Matrix.column(-0.622459, -2.25508), trace.value("z_1"));
        assertAsPrinted("a_1", Matrix.column(0.349222, 0.0949121), trace.value("a_1"));
        assertAsPrinted("sq_err", Matrix.column(0.423512, 0.819184), trace.value("sq_err"));
    }

    @Test
    void computes_E_and_the_factors_for_the_worked_example() {
        // given
        Network example = Networks.workedExample();

        // when
        Trace trace = GradientStep.take(example);

        // then
        assertClose("E", 0.621347883, trace.E(), TABLE);
        assertClose("dE_da_1", Matrix.column(-0.650777678, -0.905087941),
                trace.value("dE_da_1"), TABLE);
        assertClose("da_1_dz_1", Matrix.column(0.227266092, 0.085903760),
                trace.value("da_1_dz_1"), TABLE);
        assertClose("da_0_dz_0", Matrix.column(0.25, 0.235003712),
                trace.value("da_0_dz_0"), TABLE);
    }

    @Test
    void computes_delta_and_dE_db_for_the_worked_example() {
        // given
        Network example = Networks.workedExample();
        Matrix delta_1 = Matrix.column(-0.147899700, -0.077750458);
        Matrix delta_0 = Matrix.column(0.112825079, 0.001786314);

        // when
        Trace trace = GradientStep.take(example);

        // then
        assertClose("delta_1", delta_1, trace.value("delta_1"), TABLE);
        assertClose("delta_0", delta_0, trace.value("delta_0"), TABLE);
        assertClose("dE_db_2", delta_1, trace.value("dE_db_2"), TABLE);
        assertClose("dE_db_1", delta_0, trace.value("dE_db_1"), TABLE);
    }

    @Test
    void computes_dE_dW_1_for_the_worked_example() {
        // given
        Network example = Networks.workedExample();
        Matrix dE_dW_1 = Matrix.of(new double[][] {
            {-0.073949850, -0.038875229},
            {-0.055838151, -0.029353960}});

        // when
        Trace trace = GradientStep.take(example);

        // then
        assertClose("dE_dW_1", dE_dW_1, trace.value("dE_dW_1"), TABLE);
    }

    @Test
    void computes_dE_dW_0_for_the_worked_example() {
        // given
        Network example = Networks.workedExample();
        Matrix dE_dW_0 = Matrix.of(new double[][] {
            {0.112825079, 0.001786314},
            {0.112825079, 0.001786314}});

        // when
        Trace trace = GradientStep.take(example);

        // then
        assertClose("dE_dW_0", dE_dW_0, trace.value("dE_dW_0"), TABLE);
    }

    @Test
    void takes_the_step_down_the_gradient_for_the_worked_example() {
        // given
        Network example = Networks.workedExample();
        Matrix W_1_new = Matrix.of(new double[][] {
            {-1.992605015, -1.996112477},
            {1.005583815, -1.997064604}});
        Matrix W_0_new = Matrix.of(new double[][] {
            {0.988717492, -0.500178631},
            {-0.511282508, 0.999821369}});

        // when
        Trace trace = GradientStep.take(example);

        // then
        assertClose("W_1_new", W_1_new, trace.value("W_1_new"), TABLE);
        assertClose("b_2_new", Matrix.column(0.014789970, -0.492224954),
                trace.value("b_2_new"), TABLE);
        assertClose("W_0_new", W_0_new, trace.value("W_0_new"), TABLE);
        assertClose("b_1_new", Matrix.column(-0.511282508, -1.000178631),
                trace.value("b_1_new"), TABLE);
    }

    @ParameterizedTest(name = "widths {0}")
    @MethodSource("shapes")
    void names_every_quantity_of_the_glossary_with_its_shape(int[] widths) {
        // given
        Network net = Networks.random(new Random(7), widths);
        Map<String, String> expected = expectedShapes(widths);

        // when
        Trace trace = GradientStep.take(net);

        // then
        for (Map.Entry<String, String> e : expected.entrySet()) {
            assertTrue(trace.has(e.getKey()), "expected a quantity named " + e.getKey());
            assertEquals(e.getValue(), trace.value(e.getKey()).shape(),
                    "the shape of " + e.getKey());
        }
        List<String> extra = new ArrayList<>();
        for (Quantity q : trace.quantities()) {
            if (!expected.containsKey(q.name())) {
                extra.add(q.name());
            }
        }
        assertEquals(List.of(), extra, "quantities the glossary does not list");
    }

    @ParameterizedTest(name = "widths {0}")
    @MethodSource("shapes")
    void lists_every_operand_before_the_quantity_that_uses_it(int[] widths) {
        // given
        Network net = Networks.random(new Random(11), widths);

        // when
        List<Quantity> quantities = GradientStep.take(net).quantities();

        // then
        Set<String> seen = new HashSet<>();
        for (Quantity q : quantities) {
            for (String operand : q.operands()) {
                assertTrue(seen.contains(operand),
                        q.name() + " uses " + operand + ", which does not come before it");
            }
            seen.add(q.name());
        }
    }

    @ParameterizedTest(name = "widths {0}")
    @MethodSource("shapes")
    void computes_every_quantity_by_its_operation_on_its_operands(int[] widths) {
        // given
        Network net = Networks.random(new Random(13), widths);

        // when
        Trace trace = GradientStep.take(net);

        // then
        for (Quantity q : trace.quantities()) {
            assertEquals(q.operation().arity(), q.operands().size(),
                    "the number of operands of " + q.name());
            if (q.isInput() || q.operation() == Operation.CENTRAL_DIFFERENCE) {
                continue;
            }
            List<Matrix> operands = new ArrayList<>();
            for (String operand : q.operands()) {
                operands.add(trace.value(operand));
            }
            assertEquals(q.operation().apply(operands, q.scale()), q.value(),
                    q.name() + " is not " + q.operation() + " of " + q.operands());
        }
    }

    @ParameterizedTest(name = "widths {0}")
    @MethodSource("shapes")
    void gives_each_gradient_step_and_update_the_shape_of_its_parameter(int[] widths) {
        // given
        Network net = Networks.random(new Random(17), widths);

        // when
        Trace trace = GradientStep.take(net);

        // then
        for (int k = 0; k < net.layers(); k++) {
            String W = "W_" + k;
            String b = "b_" + (k + 1);
            for (String name : List.of("dE_dW_" + k, "fd_dE_dW_" + k, "step_" + W,
                    W + "_new")) {
                assertShapeOf(trace, name, W);
            }
            for (String name : List.of("dE_db_" + (k + 1), "fd_dE_db_" + (k + 1), "step_" + b,
                    b + "_new")) {
                assertShapeOf(trace, name, b);
            }
        }
    }

    @Test
    void refuses_a_network_whose_shapes_do_not_chain_and_says_why() {
        // given
        Network example = Networks.workedExample();
        Network broken = new Network(example.x(), Matrix.column(1, 1, 1), example.W(),
                example.b(), example.eta());

        // when
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GradientStep.take(broken));

        // then
        assertEquals("y is 3 × 1 but the last layer has 2 outputs: y must be 2 × 1",
                e.getMessage());
    }

    static Stream<Arguments> shapes() {
        return Stream.of(
                Arguments.of((Object) new int[] {2, 2, 2}),
                Arguments.of((Object) new int[] {3, 1}),
                Arguments.of((Object) new int[] {1, 1}),
                Arguments.of((Object) new int[] {3, 4, 2, 5}),
                Arguments.of((Object) new int[] {6, 1, 3, 2, 4}));
    }

    /** The glossary of the package documentation, as name → shape. */
    private static Map<String, String> expectedShapes(int[] n) {
        int L = n.length - 1;
        Map<String, String> shapes = new LinkedHashMap<>();
        shapes.put("x", n[0] + " × 1");
        shapes.put("y", n[L] + " × 1");
        shapes.put("eta", "1 × 1");
        shapes.put("sq_err", n[L] + " × 1");
        shapes.put("E", "1 × 1");
        shapes.put("dE_da_" + (L - 1), n[L] + " × 1");
        for (int k = 0; k < L; k++) {
            String in = n[k] + " × 1";
            String out = n[k + 1] + " × 1";
            String weights = n[k] + " × " + n[k + 1];
            int b = k + 1;
            shapes.put("W_" + k, weights);
            shapes.put("b_" + b, out);
            shapes.put("z_" + k, out);
            shapes.put("a_" + k, out);
            shapes.put("da_" + k + "_dz_" + k, out);
            shapes.put("dz_" + k + "_dW_" + k, in);
            shapes.put("dz_" + k + "_db_" + b, out);
            shapes.put("delta_" + k, out);
            shapes.put("dE_dW_" + k, weights);
            shapes.put("dE_db_" + b, out);
            shapes.put("fd_dE_dW_" + k, weights);
            shapes.put("fd_dE_db_" + b, out);
            shapes.put("fd_diff_dE_dW_" + k, weights);
            shapes.put("fd_diff_dE_db_" + b, out);
            shapes.put("step_W_" + k, weights);
            shapes.put("step_b_" + b, out);
            shapes.put("W_" + k + "_new", weights);
            shapes.put("b_" + b + "_new", out);
            if (k >= 1) {
                shapes.put("dz_" + k + "_da_" + (k - 1), weights);
            }
        }
        return shapes;
    }

    private static void assertShapeOf(Trace trace, String name, String parameter) {
        Quantity q = trace.get(name);
        assertEquals(parameter, q.shapeOf(), "the parameter whose shape " + name + " has");
        Matrix p = trace.value(parameter);
        if (!q.value().sameShape(p)) {
            fail(name + " is " + q.value().shape() + " but " + parameter + " is " + p.shape());
        }
    }

    // Issue #7: update_biases false holds the biases fixed; the weights' step is unchanged.
    @Test
    void holds_the_biases_fixed_but_still_computes_their_gradients_when_asked() {
        // given
        Network updated = Networks.workedExample();
        Network fixed = updated.withUpdateBiases(false);

        // when
        Trace moving = GradientStep.take(updated);
        Trace held = GradientStep.take(fixed);

        // then
        for (int k = 0; k < 2; k++) {
            String b = "b_" + (k + 1);
            assertEquals(fixed.b().get(k), held.value(b + "_new"), b + "_new");
            assertEquals(Matrix.filled(2, 1, 0), held.value("step_" + b), "step_" + b);
            assertEquals(Operation.ZEROS, held.get("step_" + b).operation());
            assertEquals(moving.value("dE_d" + b), held.value("dE_d" + b), "dE_d" + b);
            assertEquals(moving.value("W_" + k + "_new"), held.value("W_" + k + "_new"),
                    "W_" + k + "_new");
        }
    }
}
