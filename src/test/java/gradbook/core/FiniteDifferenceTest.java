package gradbook.core;

import static gradbook.core.Approx.assertClose;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks every gradient of a {@link GradientStep} against a central finite difference of
 * {@link Network#E()}, (E(p + h) − E(p − h)) / 2h, one entry of one parameter at a time.
 */
class FiniteDifferenceTest {
    /** Small enough for a truncation error near h² and large enough for rounding near ε/h. */
    private static final double H = 1e-5;
    private static final double TOLERANCE = 1e-7;
    /** W_k_new is W_k − eta dE_dW_k computed once more, so only rounding may differ. */
    private static final double UPDATE_TOLERANCE = 1e-12;

    @Test
    void gradients_of_the_worked_example_match_central_differences() {
        // given
        Network example = Networks.workedExample();

        // when
        Trace trace = GradientStep.take(example);

        // then
        assertGradientsMatchDifferences(example, trace, "the worked example");
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void gradients_of_a_random_network_match_central_differences(long seed) {
        // given
        Network net = Networks.random(seed);

        // when
        Trace trace = GradientStep.take(net);

        // then
        String where = "seed " + seed + ", widths " + Networks.widths(net);
        assertGradientsMatchDifferences(net, trace, where);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void the_step_moves_each_parameter_by_minus_eta_times_its_gradient(long seed) {
        // given
        Network net = Networks.random(seed);
        double eta = net.eta();

        // when
        Trace trace = GradientStep.take(net);

        // then
        String where = " (seed " + seed + ", widths " + Networks.widths(net) + ")";
        for (int k = 0; k < net.layers(); k++) {
            String W = "W_" + k;
            String b = "b_" + (k + 1);
            Matrix W_k = net.W().get(k);
            Matrix b_k = net.b().get(k);
            assertClose(W + "_new" + where, W_k.minus(trace.value("dE_dW_" + k).scale(eta)),
                    trace.value(W + "_new"), UPDATE_TOLERANCE);
            assertClose(b + "_new" + where, b_k.minus(trace.value("dE_db_" + (k + 1)).scale(eta)),
                    trace.value(b + "_new"), UPDATE_TOLERANCE);
        }
    }

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 200);
    }

    private static void assertGradientsMatchDifferences(Network net, Trace trace, String where) {
        for (int k = 0; k < net.layers(); k++) {
            Matrix dE_dW = trace.value("dE_dW_" + k);
            Matrix dE_db = trace.value("dE_db_" + (k + 1));
            Approx.assertSameShape("dE_dW_" + k + " of " + where, net.W().get(k), dE_dW);
            Approx.assertSameShape("dE_db_" + (k + 1) + " of " + where, net.b().get(k), dE_db);
            for (int i = 0; i < dE_dW.rows(); i++) {
                for (int j = 0; j < dE_dW.cols(); j++) {
                    double difference = centralDifference(net, true, k, i, j);
                    assertClose(entry("dE_dW_" + k, i, j, where), difference, dE_dW.get(i, j),
                            TOLERANCE);
                }
            }
            for (int i = 0; i < dE_db.rows(); i++) {
                double difference = centralDifference(net, false, k, i, 0);
                assertClose(entry("dE_db_" + (k + 1), i, 0, where), difference, dE_db.get(i, 0),
                        TOLERANCE);
            }
        }
    }

    /** (E(p + h) − E(p − h)) / 2h for entry (i, j) of W_k, or of b_(k+1) when not a weight. */
    private static double centralDifference(Network net, boolean weight, int k, int i, int j) {
        double up = perturbed(net, weight, k, i, j, H).E();
        double down = perturbed(net, weight, k, i, j, -H).E();
        return (up - down) / (2 * H);
    }

    private static Network perturbed(Network net, boolean weight, int k, int i, int j,
            double by) {
        List<Matrix> W = new ArrayList<>(net.W());
        List<Matrix> b = new ArrayList<>(net.b());
        List<Matrix> changed = weight ? W : b;
        double[][] e = changed.get(k).toArray();
        e[i][j] += by;
        changed.set(k, Matrix.of(e));
        return new Network(net.x(), net.y(), W, b, net.eta());
    }

    private static String entry(String name, int i, int j, String where) {
        return name + "[" + i + "][" + j + "] of " + where + ", against a central difference"
                + " with h = " + H;
    }
}
