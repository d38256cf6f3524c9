package gradbook.core;

import java.util.ArrayList;
import java.util.List;

/**
 * A training run: the network's steps, each taken with its optimizer at the parameters the
 * step before left, each gradient that of E at those parameters. Its first step is the step
 * {@link GradientStep} traces. The biases stay fixed when the network holds them so.
 */
public final class Trainer {
    private final Network start;
    private final Training training;
    private final List<Matrix> W;
    private final List<Matrix> b;
    /** The optimizer's state per parameter, W_0 … then b_1 …: v, s, or Adam's m. */
    private final List<Matrix> first = new ArrayList<>();
    /** Adam's second moment v per parameter. */
    private final List<Matrix> second = new ArrayList<>();
    private int t;

    public Trainer(Network net) {
        this.start = net;
        this.training = net.training();
        this.W = new ArrayList<>(net.W());
        this.b = new ArrayList<>(net.b());
        for (Matrix p : parameters()) {
            first.add(Matrix.filled(p.rows(), p.cols(), 0));
            second.add(Matrix.filled(p.rows(), p.cols(), 0));
        }
    }

    /** What a whole run gives: E before each step and after the last, and the last parameters. */
    public record Run(List<Double> E, List<Matrix> W, List<Matrix> b) {
        public Run {
            E = List.copyOf(E);
            W = List.copyOf(W);
            b = List.copyOf(b);
        }

        /** E at the parameters step t (from 1) leaves; E(0) is E before the first step. */
        public double after(int t) {
            return E.get(t);
        }
    }

    /** Takes every step the network's training asks for. */
    public static Run run(Network net) {
        Trainer trainer = new Trainer(net);
        List<Double> E = new ArrayList<>(List.of(net.E()));
        for (int s = 0; s < net.training().steps(); s++) {
            trainer.step();
            E.add(trainer.current().E());
        }
        return new Run(E, trainer.W, trainer.b);
    }

    /** The network at the parameters reached so far. */
    public Network current() {
        return start.withParameters(W, b);
    }

    /** The number of steps taken so far. */
    public int stepsTaken() {
        return t;
    }

    /** Takes one step: the gradient at the current parameters, then the optimizer's change. */
    public void step() {
        Trace gradients = GradientStep.gradients(current());
        t++;
        int L = W.size();
        for (int k = 0; k < L; k++) {
            W.set(k, W.get(k).plus(change(k, gradients.value(GradientStep.dE_dW(k)))));
            if (start.updateBiases()) {
                b.set(k, b.get(k).plus(change(L + k, gradients.value(GradientStep.dE_db(k + 1)))));
            }
        }
    }

    // The change of parameter n (W_0 … then b_1 …) for gradient g, updating its state.
    private Matrix change(int n, Matrix g) {
        double eta = start.eta();
        Training h = training;
        return switch (training.optimizer()) {
            case SGD -> g.scale(-eta);
            case MOMENTUM -> {
                first.set(n, first.get(n).scale(h.momentum()).plus(g));
                yield first.get(n).scale(-eta);
            }
            case RMSPROP -> {
                first.set(n, first.get(n).zip(g, (s, gi) -> h.rho() * s + (1 - h.rho())
                        * (gi * gi)));
                yield g.zip(first.get(n), (gi, s) -> Optimizer.rmspropChange(eta, gi, s,
                        h.epsilon()));
            }
            case ADAM -> {
                first.set(n, first.get(n).zip(g, (m, gi) -> h.beta_1() * m + (1 - h.beta_1())
                        * gi));
                second.set(n, second.get(n).zip(g, (v, gi) -> h.beta_2() * v + (1 - h.beta_2())
                        * (gi * gi)));
                int step = t;
                yield first.get(n).zip(second.get(n), (m, v) -> Optimizer.adamChange(eta, m, v,
                        h.beta_1(), h.beta_2(), h.epsilon(), step));
            }
        };
    }

    private List<Matrix> parameters() {
        List<Matrix> all = new ArrayList<>(W);
        all.addAll(b);
        return all;
    }
}
