package gradbook.core;

import static gradbook.core.Approx.assertClose;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
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

    // Issue #7: every allowed pair of last activation and loss, summed and averaged over 1 to 4
    // samples, with the hidden activations drawn by the seed.
    @ParameterizedTest(name = "{0}, {1}, {2}, seed {3}")
    @MethodSource("choices")
    void gradients_under_every_activation_loss_and_batch_match_central_differences(
            Activation last, Loss loss, BatchGradient batch, long seed) {
        // given
        Network net = Networks.random(seed, last, loss, batch);

        // when
        Trace trace = GradientStep.take(net);

        // then
        String where = last.word() + ", " + loss.word() + ", " + batch.word() + ", seed " + seed
                + ", widths " + Networks.widths(net) + ", activation " + net.activation()
                + ", " + net.samples() + " samples";
        assertGradientsMatchDifferences(net, trace, where);
    }

    // Issue #7: the gradient each step of a run takes is the gradient of E at that step's
    // parameters, for every optimizer, under every choice of functions.
    @ParameterizedTest(name = "{0}, {1}, {2}, seed {3}")
    @MethodSource("stepChoices")
    void gradients_at_every_step_of_a_run_match_central_differences(Activation last, Loss loss,
            BatchGradient batch, long seed) {
        for (Optimizer optimizer : Optimizer.values()) {
            // given
            Network net = Networks.random(seed, last, loss, batch).withTraining(
                    Training.DEFAULT.withSteps(4).withOptimizer(optimizer));
            Trainer trainer = new Trainer(net);

            for (int t = 1; t <= net.training().steps(); t++) {
                // when
                Network at = trainer.current();
                Trace trace = GradientStep.take(at);

                // then
                String where = optimizer.word() + " step " + t + ", " + last.word() + ", "
                        + loss.word() + ", " + batch.word() + ", seed " + seed + ", widths "
                        + Networks.widths(net) + ", " + net.samples() + " samples";
                assertGradientsMatchDifferences(at, trace, where);
                trainer.step();
            }
        }
    }

    static Stream<Arguments> stepChoices() {
        return choices().filter(a -> (long) a.get()[3] <= 3);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void the_mean_over_samples_is_the_sum_divided_by_their_number(long seed) {
        // given
        Network sum = Networks.random(seed, Activation.SIGMOID, Loss.MSE, BatchGradient.SUM);
        Network mean = sum.withFunctions(sum.activation(), Loss.MSE, BatchGradient.MEAN);

        // when
        Trace summed = GradientStep.take(sum);
        Trace averaged = GradientStep.take(mean);

        // then
        int N = sum.samples();
        assertClose("E of seed " + seed, summed.E() / N, averaged.E(), 1e-15);
        for (int k = 0; k < sum.layers(); k++) {
            String name = "dE_dW_" + k;
            assertClose(name + " of seed " + seed, summed.value(name).scale(1.0 / N),
                    averaged.value(name), 1e-15);
        }
    }

    // Issue #7: one bias shared by each layer's units, a one-cell b_(k+1), as some published
    // examples write it; its gradient sums over the units. The trace's own central differences
    // (the fd_ quantities the workbook shows) must agree as well.
    @ParameterizedTest(name = "{0}, {1}, {2}, seed {3}")
    @MethodSource("choices")
    void gradients_with_biases_shared_by_each_layer_match_central_differences(
            Activation last, Loss loss, BatchGradient batch, long seed) {
        // given
        Network drawn = Networks.random(seed, last, loss, batch);
        Network net = drawn.withParameters(drawn.W(), drawn.b().stream()
                .map(b -> Matrix.filled(1, 1, b.get(0, 0))).toList());

        // when
        Trace trace = GradientStep.take(net);

        // then
        String where = "shared biases, " + last.word() + ", " + loss.word() + ", "
                + batch.word() + ", seed " + seed + ", widths " + Networks.widths(net);
        assertGradientsMatchDifferences(net, trace, where);
        for (int k = 0; k < net.layers(); k++) {
            String name = "dE_db_" + (k + 1);
            assertClose("fd_" + name + " of " + where, trace.value(name),
                    trace.value("fd_" + name), TOLERANCE);
        }
    }

    static Stream<Arguments> choices() {
        List<Arguments> all = new ArrayList<>();
        for (Activation last : Activation.values()) {
            for (Loss loss : Loss.values()) {
                if (loss.problem(last, Matrix.column(0.5)) != null) {
                    continue;
                }
                for (BatchGradient batch : BatchGradient.values()) {
                    for (long seed = 1; seed <= 12; seed++) {
                        all.add(Arguments.of(last, loss, batch, seed));
                    }
                }
            }
        }
        return all.stream();
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
        return net.withParameters(W, b);
    }

    private static String entry(String name, int i, int j, String where) {
        return name + "[" + i + "][" + j + "] of " + where + ", against a central difference"
                + " with h = " + H;
    }
}
