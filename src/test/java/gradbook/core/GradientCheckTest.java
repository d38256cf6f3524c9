package gradbook.core;

import static gradbook.core.Approx.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

// Issue #3: the gradient check beside each gradient, fd_dE_dW_k and fd_dE_db_k.
class GradientCheckTest {
    private static final double TOLERANCE = 1e-7;

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void the_central_differences_agree_with_backprop_within_1e_7(long seed) {
        // given
        Network net = Networks.random(seed);

        // when
        Trace trace = GradientStep.take(net);

        // then
        for (Quantity q : trace.quantities()) {
            if (q.operation() != Operation.CENTRAL_DIFFERENCE) {
                continue;
            }
            String gradient = q.name().substring("fd_".length());
            assertClose(q.name() + " (seed " + seed + ", widths " + Networks.widths(net)
                    + ")", trace.value(gradient), q.value(), TOLERANCE);
            Matrix diff = trace.value("fd_diff_" + gradient);
            assertClose("fd_diff_" + gradient, q.value().minus(trace.value(gradient)), diff, 0);
        }
    }

    @Test
    void the_worked_example_checks_every_entry_and_keeps_one_probe_per_entry() {
        // given
        Network example = Networks.workedExample();

        // when
        Trace trace = GradientStep.take(example);

        // then
        assertEquals(12, trace.probes().size(), "probes of the 12 parameters");
        GradientCheck.Probe first = trace.probes().get(0);
        assertEquals("W₁[1,1]", first.symbol());
        assertEquals(first.estimate(), trace.value("fd_dE_dW_1").get(0, 0));
        assertTrue(trace.get("fd_dE_dW_1").meaning().endsWith("every entry"),
                trace.get("fd_dE_dW_1").meaning());
    }

    @Test
    void a_large_network_checks_a_seeded_sample_of_each_parameter_and_says_so() {
        // given
        Network net = Networks.random(new Random(3), 30, 12, 4);

        // when
        Trace first = GradientStep.take(net);
        Trace again = GradientStep.take(net);

        // then
        assertEquals(30 * 12 + 12 + 12 * 4 + 4, GradientCheck.parameterCount(net));
        Matrix fd = first.value("fd_dE_dW_0");
        int checked = 0;
        for (int i = 0; i < fd.rows(); i++) {
            for (int j = 0; j < fd.cols(); j++) {
                checked += Double.isNaN(fd.get(i, j)) ? 0 : 1;
            }
        }
        assertEquals(GradientCheck.SAMPLE_SIZE, checked, "entries of W_0 checked");
        assertEquals("∂E/∂W₀ by central differences with h = 1.0E-5: 20 of 360 entries, drawn"
                + " with seed 1 since the network has 424 parameters (more than 300); the"
                + " others are blank", first.get("fd_dE_dW_0").meaning());
        assertEquals(fd.toString(), again.value("fd_dE_dW_0").toString(), "the same sample");
        assertEquals(GradientCheck.SAMPLE_SIZE + 12 + GradientCheck.SAMPLE_SIZE + 4,
                first.probes().size(), "probes: 20 of W_0, all 12 of b_1, 20 of W_1, all of b_2");
    }

    @Test
    void the_notebook_values_are_far_from_the_central_differences() {
        // given
        Network example = Networks.workedExample();

        // when
        Trace trace = GradientStep.take(example, Convention.NOTEBOOK);

        // then
        double gap = Math.abs(trace.value("fd_diff_dE_db_2").get(0, 0));
        assertTrue(gap > 0.29, "fd_diff_dE_db_2[0] under the notebook is 2 × 0.1479, was " + gap);
    }

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 100);
    }
}
