package gradbook.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Networks for the tests: the worked example of the source document and seeded random ones. */
public final class Networks {
    private Networks() {
    }

    /** The document's example network (see the seed README). */
    public static Network workedExample() {
        Matrix x = Matrix.column(1, 1);
        Matrix y = Matrix.column(1, 1);
        Matrix W_0 = Matrix.of(new double[][] {{1, -0.5}, {-0.5, 1}});
        Matrix W_1 = Matrix.of(new double[][] {{-2, -2}, {1, -2}});
        Matrix b_1 = Matrix.column(-0.5, -1);
        Matrix b_2 = Matrix.column(0, -0.5);
        return new Network(x, y, List.of(W_0, W_1), List.of(b_1, b_2), 0.1);
    }

    /**
     * Issue #7: the second example template's network, a small classifier: 2 inputs, a tanh
     * layer of 3 units, a softmax layer of 2, cross-entropy averaged over 3 samples whose
     * labels are one-hot.
     */
    public static Network classifier() {
        Matrix x = Matrix.of(new double[][] {{1, -0.5, 0}, {0.5, 1, -1}});
        Matrix y = Matrix.of(new double[][] {{1, 0, 1}, {0, 1, 0}});
        Matrix W_0 = Matrix.of(new double[][] {{0.5, -0.5, 1}, {1, 0.5, -1}});
        Matrix W_1 = Matrix.of(new double[][] {{1, -1}, {-0.5, 0.5}, {0.5, 1}});
        Matrix b_1 = Matrix.column(0, 0.5, -0.5);
        Matrix b_2 = Matrix.column(0, 0);
        return new Network(x, y, List.of(W_0, W_1), List.of(b_1, b_2), 0.5,
                List.of(Activation.TANH, Activation.SOFTMAX), Loss.CROSS_ENTROPY,
                BatchGradient.MEAN);
    }

    /**
     * A network of 1 to 4 layers, each 1 to 6 wide, chosen by the seed. The depth cycles with the
     * seed: the first draw of java.util.Random hardly varies across small consecutive seeds.
     */
    public static Network random(long seed) {
        Random random = new Random(seed);
        int[] widths = new int[2 + (int) Math.floorMod(seed, 4L)];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = 1 + random.nextInt(6);
        }
        return random(random, widths);
    }

    /**
     * A network whose widths are those given, the input first: weights, biases and x uniform in
     * [−2, 2], y in [0, 1], eta in [0.01, 1].
     */
    public static Network random(Random random, int... widths) {
        List<Matrix> W = new ArrayList<>();
        List<Matrix> b = new ArrayList<>();
        for (int k = 0; k + 1 < widths.length; k++) {
            W.add(uniform(random, widths[k], widths[k + 1], -2, 2));
            b.add(uniform(random, widths[k + 1], 1, -2, 2));
        }
        Matrix x = uniform(random, widths[0], 1, -2, 2);
        Matrix y = uniform(random, widths[widths.length - 1], 1, 0, 1);
        double eta = 0.01 + 0.99 * random.nextDouble();
        return new Network(x, y, W, b, eta);
    }

    /**
     * Issue #7: a network with the given last activation, loss and batch, chosen by the seed:
     * 1 to 3 layers, each 1 to 5 wide (2 to 5 under softmax), 1 to 4 samples, the hidden layers'
     * activations drawn from sigmoid, tanh, relu and identity. Weights are uniform in
     * [−2, 2]/√(fan-in) and biases in [−1, 1], so that stacked identity or relu layers keep E
     * near 1 and an absolute tolerance means the same on every network; x is in [−2, 2] and y
     * in [0, 1]. An even seed holds the biases fixed in the step (update_biases false).
     */
    public static Network random(long seed, Activation last, Loss loss, BatchGradient batch) {
        Random random = new Random(seed);
        int layers = 1 + (int) Math.floorMod(seed, 3L);
        int[] widths = new int[layers + 1];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = 1 + random.nextInt(5);
        }
        if (last == Activation.SOFTMAX) {
            widths[layers] = 2 + random.nextInt(4);
        }
        int samples = 1 + random.nextInt(4);
        List<Matrix> W = new ArrayList<>();
        List<Matrix> b = new ArrayList<>();
        List<Activation> activation = new ArrayList<>();
        Activation[] hidden = {Activation.SIGMOID, Activation.TANH, Activation.RELU,
            Activation.IDENTITY};
        for (int k = 0; k < layers; k++) {
            double bound = 2 / Math.sqrt(widths[k]);
            W.add(uniform(random, widths[k], widths[k + 1], -bound, bound));
            b.add(uniform(random, widths[k + 1], 1, -1, 1));
            activation.add(k == layers - 1 ? last : hidden[random.nextInt(hidden.length)]);
        }
        Matrix x = uniform(random, widths[0], samples, -2, 2);
        Matrix y = uniform(random, widths[layers], samples, 0, 1);
        return new Network(x, y, W, b, 0.1, activation, loss, batch, seed % 2 != 0);
    }

    /** The widths of a network, the input first, e.g. [3, 4, 2] for x 3 × 1 and two layers. */
    public static String widths(Network net) {
        int[] widths = new int[net.layers() + 1];
        widths[0] = net.x().rows();
        for (int k = 0; k < net.layers(); k++) {
            widths[k + 1] = net.W().get(k).cols();
        }
        return Arrays.toString(widths);
    }

    private static Matrix uniform(Random random, int rows, int cols, double low, double high) {
        double[][] e = new double[rows][cols];
        for (double[] row : e) {
            for (int j = 0; j < cols; j++) {
                row[j] = low + (high - low) * random.nextDouble();
            }
        }
        return Matrix.of(e);
    }
}
