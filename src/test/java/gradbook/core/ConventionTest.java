package gradbook.core;

import static gradbook.core.Approx.assertAsPrinted;
import static gradbook.core.Approx.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

// Issue #3: the notebook convention reproduces the document's printed numbers.
class ConventionTest {
    @Test
    void notebook_convention_reproduces_every_number_the_document_prints() {
        // given
        Network example = Networks.workedExample();

        // when
        Trace trace = GradientStep.take(example, Convention.NOTEBOOK);

        // then
        for (Map.Entry<String, Matrix> printed : Printed.values().entrySet()) {
            assertAsPrinted(printed.getKey() + " (notebook)", printed.getValue(),
                    trace.value(printed.getKey()));
        }
    }

    @Test
    void textbook_convention_reproduces_only_the_forward_numbers_the_document_prints() {
        // given
        Network example = Networks.workedExample();

        // when
        Trace trace = GradientStep.take(example, Convention.TEXTBOOK);

        // then
        for (Map.Entry<String, Matrix> printed : Printed.values().entrySet()) {
            if (!Printed.isBackward(printed.getKey())) {
                assertAsPrinted(printed.getKey(), printed.getValue(),
                        trace.value(printed.getKey()));
            }
        }
        assertClose("dE_dW_1 against the code's value, negated and transposed",
                Printed.values().get("dE_dW_1").scale(-1).transpose(),
                trace.value("dE_dW_1"), 1e-6);
    }

    @Test
    void notebook_departs_from_the_formulas_in_the_three_documented_places() {
        // given
        Network example = Networks.workedExample();

        // when
        Trace textbook = GradientStep.take(example, Convention.TEXTBOOK);
        Trace notebook = GradientStep.take(example, Convention.NOTEBOOK);

        // then
        assertClose("1. sign of dE_da_1", textbook.value("dE_da_1").scale(-1),
                notebook.value("dE_da_1"), 0);
        Matrix slipped = example.W().get(1).times(notebook.value("dE_da_1"))
                .hadamard(textbook.value("da_1_dz_1")).hadamard(textbook.value("da_0_dz_0"));
        assertClose("2. precedence in delta_0", slipped, notebook.value("delta_0"), 1e-15);
        assertClose("3. layout of dE_dW_0",
                notebook.value("delta_0").times(example.x().transpose()),
                notebook.value("dE_dW_0"), 1e-15);
        assertEquals(Operation.OUTER_TRANSPOSED, notebook.get("dE_dW_0").operation());
        assertEquals(Convention.NOTEBOOK, notebook.convention());
    }

    @ParameterizedTest(name = "widths {0}")
    @ValueSource(strings = {"2,3,2", "3,3", "2,2,2,2", "3,3,4"})
    void notebook_refuses_a_network_other_than_two_layers_of_equal_width(String widths) {
        // given
        int[] n = java.util.Arrays.stream(widths.split(",")).mapToInt(Integer::parseInt)
                .toArray();
        Network net = Networks.random(new Random(5), n);

        // when
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GradientStep.take(net, Convention.NOTEBOOK));

        // then
        assertEquals("the notebook convention is defined only where the document's code runs:"
                + " two layers, with x, a_0 and a_1 of one width; this network has "
                + (n.length - 1) + " layer" + (n.length == 2 ? "" : "s") + " of widths "
                + widths.replace(",", ", ") + " (x first)", e.getMessage());
    }

    @Test
    void notebook_runs_any_two_layer_network_of_equal_widths() {
        // given
        Network net = Networks.random(new Random(9), 4, 4, 4);

        // when
        String problem = Convention.NOTEBOOK.problem(net);

        // then
        assertNull(problem);
        assertEquals("4 × 4", GradientStep.take(net, Convention.NOTEBOOK).value("dE_dW_0")
                .shape());
    }

    // Issue #7: the document's code knows only the sigmoid, half_sse and one sample.
    @Test
    void notebook_refuses_the_example_with_another_activation_and_says_what_it_needs() {
        // given
        Network net = Networks.workedExample().withFunctions(
                List.of(Activation.TANH, Activation.SIGMOID), Loss.HALF_SSE, BatchGradient.SUM);

        // when
        String problem = Convention.NOTEBOOK.problem(net);

        // then
        assertEquals("the notebook convention is defined only for the document's case: the"
                + " sigmoid on both layers, the loss half_sse and one sample; this network has"
                + " activation tanh, sigmoid, loss half_sse and 1 sample", problem);
    }
}
