package gradbook.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A network drawn for an exercise by {@code gradbook new}: widths (the input's first), the
 * functions, a named {@link Initialisation} and a seed. One java.util.Random(seed), whose
 * sequence Java specifies, draws in a fixed order: W_0 row by row, b_1, W_1, b_2, …; then the
 * inputs x of each sample not given, uniform in [−1, 1]; then the labels y not given, one-hot
 * (a class drawn per sample) under softmax and uniform in [0, 1] otherwise. So the parameters
 * depend only on the widths, the initialisation and the seed, and the same request gives the
 * same numbers on every machine.
 *
 * @param widths the width of x, then of each layer: 2, 3, 2 is W_0 2 × 3 and W_1 3 × 2
 * @param activation one for every layer, or one per layer
 * @param x the inputs given, features × samples, or null to draw them
 * @param y the labels given, outputs × samples, or null to draw them
 */
public record Exercise(List<Integer> widths, List<Activation> activation, Loss loss,
        BatchGradient batch, Initialisation init, long seed, int samples, Matrix x, Matrix y,
        double eta) {

    public Exercise {
        widths = List.copyOf(widths);
        activation = activation.size() == 1 && widths.size() > 1
                ? Collections.nCopies(widths.size() - 1, activation.get(0))
                : List.copyOf(activation);
    }

    /** The same exercise under another seed. */
    public Exercise withSeed(long other) {
        return new Exercise(widths, activation, loss, batch, init, other, samples, x, y, eta);
    }

    /** The number of layers L. */
    public int layers() {
        return widths.size() - 1;
    }

    /** The network drawn; its shapes and functions are checked by Network#shapeProblems. */
    public Network network() {
        Random random = new Random(seed);
        List<Matrix> W = new ArrayList<>();
        List<Matrix> b = new ArrayList<>();
        for (int k = 0; k < layers(); k++) {
            W.add(init.weights(random, widths.get(k), widths.get(k + 1)));
            b.add(init.biases(random, widths.get(k + 1)));
        }
        Matrix inputs = x != null ? x : uniform(random, widths.get(0), samples, -1, 1);
        Matrix labels = y != null ? y : labels(random);
        return new Network(inputs, labels, W, b, eta, activation, loss, batch);
    }

    private Matrix labels(Random random) {
        int outputs = widths.get(layers());
        if (activation.get(activation.size() - 1) != Activation.SOFTMAX) {
            return uniform(random, outputs, samples, 0, 1);
        }
        double[][] e = new double[outputs][samples];
        for (int s = 0; s < samples; s++) {
            e[random.nextInt(outputs)][s] = 1;
        }
        return Matrix.of(e);
    }

    // Sample by sample, as the template lists them.
    private static Matrix uniform(Random random, int rows, int cols, double low, double high) {
        double[][] e = new double[rows][cols];
        for (int j = 0; j < cols; j++) {
            for (int i = 0; i < rows; i++) {
                e[i][j] = Initialisation.round(low + (high - low) * random.nextDouble());
            }
        }
        return Matrix.of(e);
    }
}
