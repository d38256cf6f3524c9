package gradbook.core;

import static gradbook.core.Approx.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue #7: several steps and the optimizers. A run is checked against a loop written here from
 * the update rules, each rule's first two steps against values worked by hand, and every step's
 * gradient against central differences.
 */
class TrainerTest {
    /** The run and the loop below do the same arithmetic in the same order, bar reassociation. */
    private static final double LOOP_TOLERANCE = 1e-12;

    static Stream<Arguments> runs() {
        List<Arguments> all = new ArrayList<>();
        Activation[] last = {Activation.SIGMOID, Activation.SOFTMAX, Activation.TANH,
            Activation.IDENTITY};
        Loss[] loss = {Loss.HALF_SSE, Loss.CROSS_ENTROPY, Loss.MSE, Loss.SSE};
        for (Optimizer optimizer : Optimizer.values()) {
            for (long seed = 1; seed <= 8; seed++) {
                int n = (int) (seed % last.length);
                BatchGradient batch = seed % 3 == 0 ? BatchGradient.MEAN : BatchGradient.SUM;
                Network net = Networks.random(seed, last[n], loss[n], batch).withTraining(
                        Training.DEFAULT.withSteps(7).withOptimizer(optimizer));
                all.add(Arguments.of(optimizer, seed, net));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("runs")
    void a_run_equals_a_loop_of_gradient_steps_written_from_the_update_rules(Optimizer optimizer,
            long seed, Network net) {
        // given
        Loop loop = new Loop(net);

        // when
        Trainer.Run run = Trainer.run(net);
        for (int t = 1; t <= net.training().steps(); t++) {
            loop.step(t);
        }

        // then
        String where = optimizer.word() + ", seed " + seed + ", widths " + Networks.widths(net);
        assertEquals(net.training().steps() + 1, run.E().size(), "E before each step and after");
        for (int t = 0; t <= net.training().steps(); t++) {
            assertClose("E after step " + t + ", " + where, loop.E.get(t), run.after(t),
                    LOOP_TOLERANCE);
        }
        for (int k = 0; k < net.layers(); k++) {
            assertClose("W_" + k + "_final, " + where, loop.W.get(k), run.W().get(k),
                    LOOP_TOLERANCE);
            assertClose("b_" + (k + 1) + "_final, " + where, loop.b.get(k), run.b().get(k),
                    LOOP_TOLERANCE);
        }
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("runs")
    void the_first_step_of_a_run_is_the_step_the_trace_shows(Optimizer optimizer, long seed,
            Network net) {
        // given
        Trainer trainer = new Trainer(net);

        // when
        Trace trace = GradientStep.take(net);
        trainer.step();

        // then
        Network after = trainer.current();
        for (int k = 0; k < net.layers(); k++) {
            assertEquals(trace.value("W_" + k + "_new"), after.W().get(k),
                    "W_" + k + " after step 1, " + optimizer.word() + ", seed " + seed);
            assertEquals(trace.value("b_" + (k + 1) + "_new"), after.b().get(k),
                    "b_" + (k + 1) + " after step 1, " + optimizer.word() + ", seed " + seed);
        }
    }

    // One weight w, x = 1, y = 0, the identity and half_sse: E = ½ w², so ∂E/∂w = w and each
    // rule can be followed by hand; η = 0.1, the hyper-parameters their defaults.
    @ParameterizedTest(name = "{0}")
    @EnumSource(Optimizer.class)
    void the_first_two_steps_of_each_optimizer_follow_its_rule_by_hand(Optimizer optimizer) {
        // given
        Network net = new Network(Matrix.column(1), Matrix.column(0),
                List.of(Matrix.column(1)), List.of(Matrix.column(0)), 0.1,
                List.of(Activation.IDENTITY), Loss.HALF_SSE, BatchGradient.SUM, false,
                Training.DEFAULT.withSteps(2).withOptimizer(optimizer));
        double eps = 1e-8;
        double w1;
        double w2;
        switch (optimizer) {
            case SGD -> {
                w1 = 0.9; // 1 − 0.1 · 1
                w2 = 0.81; // 0.9 − 0.1 · 0.9
            }
            case MOMENTUM -> {
                w1 = 0.9; // v = 1
                w2 = 0.72; // v = 0.9 · 1 + 0.9 = 1.8
            }
            case RMSPROP -> {
                w1 = 1 - 0.1 / (Math.sqrt(0.1) + eps); // s = 0.1 · 1²
                double s2 = 0.9 * 0.1 + 0.1 * w1 * w1;
                w2 = w1 - 0.1 * w1 / (Math.sqrt(s2) + eps);
            }
            default -> {
                w1 = 1 - 0.1 / (1 + eps); // m̂ = g, v̂ = g²
                double mHat = (0.9 * 0.1 + 0.1 * w1) / (1 - 0.81);
                double vHat = (0.999 * 0.001 + 0.001 * w1 * w1) / (1 - 0.998001);
                w2 = w1 - 0.1 * mHat / (Math.sqrt(vHat) + eps);
            }
        }

        // when
        Trainer trainer = new Trainer(net);
        trainer.step();
        double after1 = trainer.current().W().get(0).get(0, 0);
        trainer.step();
        double after2 = trainer.current().W().get(0).get(0, 0);

        // then
        assertClose(optimizer.word() + ": w after step 1", w1, after1, 1e-15);
        assertClose(optimizer.word() + ": w after step 2", w2, after2, 1e-15);
        assertEquals(0, trainer.current().b().get(0).get(0, 0), "b held fixed");
    }

    @Test
    void adam_s_second_step_on_the_one_weight_network_is_as_worked_out_to_six_digits() {
        // given: m̂ = (0.09 + 0.09)/0.19 = 0.947368, v̂ = (0.000999 + 0.00081)/0.001999
        // = 0.904952, w₂ = 0.9 − 0.1 · 0.947368 / 0.951290 = 0.800412
        Network net = new Network(Matrix.column(1), Matrix.column(0),
                List.of(Matrix.column(1)), List.of(Matrix.column(0)), 0.1,
                List.of(Activation.IDENTITY), Loss.HALF_SSE, BatchGradient.SUM, false,
                Training.DEFAULT.withSteps(2).withOptimizer(Optimizer.ADAM));

        // when
        Trainer.Run run = Trainer.run(net);

        // then
        assertClose("w after step 2", 0.800412, run.W().get(0).get(0, 0), 5e-7);
    }

    @Test
    void plain_gradient_descent_with_a_small_eta_lowers_E_at_every_step() {
        // given
        Network net = Networks.workedExample().withTraining(Training.DEFAULT.withSteps(50));

        // when
        Trainer.Run run = Trainer.run(net);

        // then
        for (int t = 1; t <= 50; t++) {
            assertTrue(run.after(t) < run.after(t - 1), "E after step " + t + " ("
                    + run.after(t) + ") below E before it (" + run.after(t - 1) + ")");
        }
        assertEquals(GradientStep.take(net).E(), run.after(0), "E before step 1 is the trace's");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Optimizer.class)
    void each_optimizer_lowers_E_over_a_run_on_the_worked_example(Optimizer optimizer) {
        // given
        Network net = Networks.workedExample().withTraining(Training.DEFAULT.withSteps(20)
                .withOptimizer(optimizer));

        // when
        Trainer.Run run = Trainer.run(net);

        // then
        assertTrue(run.after(20) < run.after(0), optimizer.word() + ": E after 20 steps ("
                + run.after(20) + ") below E before them (" + run.after(0) + ")");
    }

    @Test
    void holds_the_biases_fixed_over_a_run_when_the_network_says_so() {
        // given
        Network net = Networks.workedExample().withUpdateBiases(false)
                .withTraining(Training.DEFAULT.withSteps(5).withOptimizer(Optimizer.ADAM));

        // when
        Trainer.Run run = Trainer.run(net);

        // then
        assertEquals(net.b(), run.b());
    }

    @Test
    void says_what_is_wrong_with_a_bad_number_of_steps_or_hyper_parameter() {
        assertEquals("steps must be a whole number from 1 to 100000 but is 0.0; type a whole"
                + " number of steps, e.g. 20", Training.problem("steps", 0));
        assertEquals("steps must be a whole number from 1 to 100000 but is 2.5; type a whole"
                + " number of steps, e.g. 20", Training.problem("steps", 2.5));
        assertEquals("epsilon must be above 0 (and below 1) but is -1.0E-8; use a small number"
                + " such as 1e-8, the default", Training.problem("epsilon", -1e-8));
        assertEquals("beta_2 must be at least 0 and below 1 but is 1.0; use e.g. 0.999, the"
                + " default", Training.problem("beta_2", 1));
        assertNull(Training.problem("steps", 20));
        assertNull(Training.problem("momentum", 0));
    }

    /**
     * The update rules written out entry by entry, independently of Trainer: each step's
     * gradients from a fresh GradientStep at the current parameters.
     */
    private static final class Loop {
        final Network net;
        final List<Matrix> W;
        final List<Matrix> b;
        final List<Double> E = new ArrayList<>();
        final List<double[][]> m = new ArrayList<>();
        final List<double[][]> v = new ArrayList<>();

        Loop(Network net) {
            this.net = net;
            this.W = new ArrayList<>(net.W());
            this.b = new ArrayList<>(net.b());
            for (Matrix p : W) {
                m.add(new double[p.rows()][p.cols()]);
                v.add(new double[p.rows()][p.cols()]);
            }
            for (Matrix p : b) {
                m.add(new double[p.rows()][p.cols()]);
                v.add(new double[p.rows()][p.cols()]);
            }
            E.add(net.E());
        }

        void step(int t) {
            Trace trace = GradientStep.take(net.withParameters(W, b));
            int L = W.size();
            for (int k = 0; k < L; k++) {
                W.set(k, update(W.get(k), trace.value("dE_dW_" + k), k, t));
                if (net.updateBiases()) {
                    b.set(k, update(b.get(k), trace.value("dE_db_" + (k + 1)), L + k, t));
                }
            }
            E.add(net.withParameters(W, b).E());
        }

        private Matrix update(Matrix p, Matrix g, int n, int t) {
            Training h = net.training();
            double eta = net.eta();
            double[][] out = p.toArray();
            for (int i = 0; i < out.length; i++) {
                for (int j = 0; j < out[i].length; j++) {
                    double gi = g.get(i, j);
                    double[] mi = m.get(n)[i];
                    double[] vi = v.get(n)[i];
                    switch (h.optimizer()) {
                        case SGD -> out[i][j] -= eta * gi;
                        case MOMENTUM -> {
                            mi[j] = h.momentum() * mi[j] + gi;
                            out[i][j] -= eta * mi[j];
                        }
                        case RMSPROP -> {
                            mi[j] = h.rho() * mi[j] + (1 - h.rho()) * gi * gi;
                            out[i][j] -= eta * gi / (Math.sqrt(mi[j]) + h.epsilon());
                        }
                        case ADAM -> {
                            mi[j] = h.beta_1() * mi[j] + (1 - h.beta_1()) * gi;
                            vi[j] = h.beta_2() * vi[j] + (1 - h.beta_2()) * gi * gi;
                            double mHat = mi[j] / (1 - Math.pow(h.beta_1(), t));
                            double vHat = vi[j] / (1 - Math.pow(h.beta_2(), t));
                            out[i][j] -= eta * mHat / (Math.sqrt(vHat) + h.epsilon());
                        }
                    }
                }
            }
            return Matrix.of(out);
        }
    }
}
