package gradbook.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A feed-forward network as a template defines it: the parameters W_0 … W_(L−1) and
 * b_1 … b_L, the inputs x and labels y of one or more samples, the learning rate eta, and the
 * functions chosen: an activation per layer, the loss and how E gathers the samples.
 *
 * <p>W.get(k) is W_k and b.get(k) is b_(k+1), following the document's numbering of biases one
 * ahead of weights. x is features × samples and y outputs × samples: a sample is a column, as
 * the document prints a vector (a template writes one row per sample). {@code updateBiases}
 * false holds the biases fixed in the step, as some worked examples do; their gradients are
 * still computed and checked. {@code training} says how many steps a run takes and with which
 * optimizer; the trace shows the first. Shapes and choices are
 * checked by {@link #shapeProblems()}, not by the constructor, so that a reader can report every
 * problem of a template at once.
 */
public record Network(Matrix x, Matrix y, List<Matrix> W, List<Matrix> b, double eta,
        List<Activation> activation, Loss loss, BatchGradient batch, boolean updateBiases,
        Training training) {

    public Network {
        W = List.copyOf(W);
        b = List.copyOf(b);
        activation = List.copyOf(activation);
    }

    /** The functions and the bias rule given, one step of plain gradient descent. */
    public Network(Matrix x, Matrix y, List<Matrix> W, List<Matrix> b, double eta,
            List<Activation> activation, Loss loss, BatchGradient batch, boolean updateBiases) {
        this(x, y, W, b, eta, activation, loss, batch, updateBiases, Training.DEFAULT);
    }

    /** The document's choices: the sigmoid on every layer, half_sse, the sum over samples. */
    public Network(Matrix x, Matrix y, List<Matrix> W, List<Matrix> b, double eta) {
        this(x, y, W, b, eta, sigmoids(W.size()), Loss.HALF_SSE, BatchGradient.SUM);
    }

    /** The functions given, the biases updated by the step as the document's are. */
    public Network(Matrix x, Matrix y, List<Matrix> W, List<Matrix> b, double eta,
            List<Activation> activation, Loss loss, BatchGradient batch) {
        this(x, y, W, b, eta, activation, loss, batch, true);
    }

    /** The same network with other weights and biases, e.g. one entry moved. */
    public Network withParameters(List<Matrix> W, List<Matrix> b) {
        return new Network(x, y, W, b, eta, activation, loss, batch, updateBiases, training);
    }

    /** The same network with other functions. */
    public Network withFunctions(List<Activation> activation, Loss loss, BatchGradient batch) {
        return new Network(x, y, W, b, eta, activation, loss, batch, updateBiases, training);
    }

    /** The same network with the biases updated by the step, or held fixed. */
    public Network withUpdateBiases(boolean update) {
        return new Network(x, y, W, b, eta, activation, loss, batch, update, training);
    }

    /** The same network trained for other steps or with another optimizer. */
    public Network withTraining(Training training) {
        return new Network(x, y, W, b, eta, activation, loss, batch, updateBiases, training);
    }

    /** The sigmoid on each of {@code layers} layers. */
    public static List<Activation> sigmoids(int layers) {
        return Collections.nCopies(layers, Activation.SIGMOID);
    }

    /** The number of samples N, the columns of x. */
    public int samples() {
        return x.cols();
    }

    /** The activation of the last layer. */
    public Activation lastActivation() {
        return activation.get(activation.size() - 1);
    }

    /** True for the worked example's choices: sigmoid everywhere, half_sse, one sample. */
    public boolean isDocumentCase() {
        return activation.stream().allMatch(f -> f == Activation.SIGMOID)
                && loss == Loss.HALF_SSE && samples() == 1;
    }

    /**
     * True when b_(k+1) is one number shared by the units of layer k, several of them: it is
     * added to every unit's z, and its gradient sums over the units.
     */
    public boolean sharedBias(int k) {
        return b.get(k).rows() == 1 && W.get(k).cols() > 1;
    }

    /** The number of layers L. */
    public int layers() {
        return W.size();
    }

    /**
     * Every way the shapes fail to chain, each as a sentence naming both sides, e.g.
     * "W_1 is 3 × 2 but a_0 has 2 entries"; empty when the network can run.
     */
    public List<String> shapeProblems() {
        return shapeProblemsByName().stream().map(ShapeProblem::message).toList();
    }

    /** A shape that does not chain: the parameter at fault and a sentence naming both sides. */
    public record ShapeProblem(String name, String message) {
    }

    /** As {@link #shapeProblems()}, with the parameter at fault, so a reader can say where it is. */
    public List<ShapeProblem> shapeProblemsByName() {
        List<ShapeProblem> problems = new ArrayList<>();
        if (W.isEmpty()) {
            problems.add(new ShapeProblem("W_0",
                    "there is no weight matrix: define at least W_0"));
        }
        if (W.size() != b.size()) {
            problems.add(new ShapeProblem("b_" + b.size(), "there are " + count(W.size(),
                    "weight matrix", "weight matrices") + " but " + count(b.size(),
                    "bias vector", "bias vectors") + ": W_k goes with b_(k+1)"));
        }
        int width = x.rows();
        String previous = "x";
        for (int k = 0; k < W.size(); k++) {
            Matrix Wk = W.get(k);
            if (Wk.rows() != width) {
                problems.add(new ShapeProblem("W_" + k, "W_" + k + " is " + Wk.shape() + " but "
                        + previous + " has " + width + (width == 1 ? " entry" : " entries")
                        + ": W_" + k + " needs one row per entry of " + previous));
            }
            width = Wk.cols();
            previous = "a_" + k;
            boolean oneCell = k < b.size() && b.get(k).rows() == 1 && b.get(k).cols() == 1;
            if (k < b.size() && !oneCell
                    && (b.get(k).rows() != width || b.get(k).cols() != 1)) {
                problems.add(new ShapeProblem("b_" + (k + 1), "b_" + (k + 1) + " is "
                        + b.get(k).shape() + " but W_" + k + " has " + width + " columns: b_"
                        + (k + 1) + " must be " + width + " × 1, or one cell shared by the"
                        + " layer's units"));
            }
        }
        if (!W.isEmpty() && y.rows() != width) {
            problems.add(new ShapeProblem("y", y.cols() == 1 && x.cols() == 1
                    ? "y is " + y.shape() + " but the last layer has " + width + " outputs: y"
                            + " must be " + width + " × 1"
                    : "y has " + count(y.rows(), "label", "labels") + " per sample but the"
                            + " last layer has " + width + " outputs: give each sample "
                            + width));
        }
        if (y.cols() != x.cols()) {
            problems.add(new ShapeProblem("y", "x holds " + count(x.cols(), "sample", "samples")
                    + " but y holds " + y.cols() + ": give y one row of labels per sample, as x"
                    + " has one row per sample"));
        }
        problems.addAll(functionProblems());
        return problems;
    }

    // The activations and the loss: one activation per layer, softmax last, a loss that fits.
    private List<ShapeProblem> functionProblems() {
        List<ShapeProblem> problems = new ArrayList<>();
        if (activation.size() != W.size()) {
            problems.add(new ShapeProblem("activation", "activation names " + count(
                    activation.size(), "function", "functions") + " but the network has "
                    + count(W.size(), "layer", "layers") + "; give one word for every layer or"
                    + " one per layer"));
            return problems;
        }
        for (int k = 0; k + 1 < activation.size(); k++) {
            if (activation.get(k) == Activation.SOFTMAX) {
                problems.add(new ShapeProblem("activation", "softmax is allowed on the last"
                        + " layer only, but layer " + k + " of " + W.size() + " (counted from 0)"
                        + " has it; use sigmoid, tanh, relu or identity there"));
            }
        }
        if (!activation.isEmpty() && loss.problem(lastActivation(), y) != null) {
            problems.add(new ShapeProblem("loss", loss.problem(lastActivation(), y)));
        }
        return problems;
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /** The loss E after a forward pass; used to check gradients. */
    public double E() {
        Matrix a = x;
        for (int k = 0; k < layers(); k++) {
            a = activate(k, Operation.AFFINE.apply(List.of(W.get(k), a, b.get(k))));
        }
        return E(a);
    }

    /** a_k = f(z_k) with layer k's activation. */
    Matrix activate(int k, Matrix z) {
        return activation.get(k).forward().apply(List.of(z));
    }

    /** E from the last layer's activations, one column per sample. */
    double E(Matrix aLast) {
        Matrix terms = loss.term(lastActivation()).apply(List.of(aLast, y));
        return Operation.TOTAL.apply(List.of(terms), scaleOfE()).get(0, 0);
    }

    /** E's factor before the sum of every error term: ℓ's and the batch's. */
    Scale scaleOfE() {
        return loss.termScale(y.rows()).times(batch.scale(samples()));
    }
}
