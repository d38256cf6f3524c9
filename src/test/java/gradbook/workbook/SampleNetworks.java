package gradbook.workbook;

import gradbook.core.Activation;
import gradbook.core.BatchGradient;
import gradbook.core.Loss;
import gradbook.core.Matrix;
import gradbook.core.Network;
import gradbook.core.Networks;
import gradbook.core.Optimizer;
import gradbook.core.Training;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleSupplier;

/**
 * Networks for the workbook tests: the document's example and seeded random ones. (The core
 * tests have their own; they are not visible from this package.)
 */
final class SampleNetworks {
    private SampleNetworks() {
    }

    /** The example network of the worked example (see the seed README). */
    static Network workedExample() {
        return new Network(Matrix.column(1, 1), Matrix.column(1, 1),
                List.of(Matrix.of(new double[][] {{1, -0.5}, {-0.5, 1}}),
                        Matrix.of(new double[][] {{-2, -2}, {1, -2}})),
                List.of(Matrix.column(-0.5, -1), Matrix.column(0, -0.5)), 0.1);
    }

    /** 1 + (seed mod 4) layers, each 1 to 6 wide, the widths drawn from the seed. */
    static Network random(long seed) {
        Random random = new Random(1_000_003L * seed + 11);
        int[] widths = new int[2 + Math.floorMod(seed, 4)];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = 1 + random.nextInt(6);
        }
        return withWidths(random, widths);
    }

    /**
     * The widths given, the input's first; weights, biases and x drawn from [−2, 2], y from
     * [0, 1] and eta from [0.05, 1].
     */
    static Network withWidths(Random random, int... widths) {
        DoubleSupplier parameter = () -> 4 * random.nextDouble() - 2;
        List<Matrix> W = new ArrayList<>();
        List<Matrix> b = new ArrayList<>();
        for (int k = 1; k < widths.length; k++) {
            W.add(drawn(widths[k - 1], widths[k], parameter));
            b.add(drawn(widths[k], 1, parameter));
        }
        Matrix x = drawn(widths[0], 1, parameter);
        Matrix y = drawn(widths[widths.length - 1], 1, random::nextDouble);
        return new Network(x, y, W, b, 0.05 + 0.95 * random.nextDouble());
    }

    /**
     * Issue #7: relu, identity and a sigmoid output under binary cross-entropy, 3 samples
     * averaged, the biases held fixed; widths 3, 4, 3, 2.
     */
    static Network withFunctions() {
        Random random = new Random(77);
        Network drawn = withWidths(random, 3, 4, 3, 2);
        DoubleSupplier input = () -> 4 * random.nextDouble() - 2;
        return new Network(drawn(3, 3, input), drawn(2, 3, random::nextDouble), drawn.W(),
                drawn.b(), drawn.eta(), List.of(Activation.RELU, Activation.IDENTITY,
                        Activation.SIGMOID), Loss.CROSS_ENTROPY, BatchGradient.MEAN, false);
    }

    /**
     * Issue #7: a network as PyTorch examples write one, for the out_by_in and columns layouts:
     * widths 3, 4, 2, tanh then sigmoid, 3 samples, b_1 one number shared by its layer's 4
     * units and b_2 a bias per unit.
     */
    static Network pyTorchStyle() {
        Random random = new Random(2024);
        Network drawn = withWidths(random, 3, 4, 2);
        DoubleSupplier input = () -> 4 * random.nextDouble() - 2;
        return new Network(drawn(3, 3, input), drawn(2, 3, random::nextDouble), drawn.W(),
                List.of(Matrix.filled(1, 1, 0.3), drawn.b().get(1)), drawn.eta(),
                List.of(Activation.TANH, Activation.SIGMOID), Loss.HALF_SSE,
                BatchGradient.SUM, true);
    }

    /**
     * Issue #7: a run of 20 steps of Adam, β₁ 0.85 given and the rest left to their defaults,
     * on a tanh and softmax classifier under cross-entropy, 3 samples averaged; widths 3, 4, 2.
     */
    static Network training() {
        return Networks.random(50, Activation.SOFTMAX, Loss.CROSS_ENTROPY, BatchGradient.MEAN)
                .withTraining(Training.DEFAULT.withSteps(20).withOptimizer(Optimizer.ADAM)
                        .with("beta_1", 0.85));
    }

    private static Matrix drawn(int rows, int cols, DoubleSupplier entry) {
        double[][] e = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                e[i][j] = entry.getAsDouble();
            }
        }
        return Matrix.of(e);
    }
}
