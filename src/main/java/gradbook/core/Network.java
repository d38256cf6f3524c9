package gradbook.core;

import java.util.ArrayList;
import java.util.List;

/**
 * A feed-forward network with one sample, as a template defines it: the parameters W_0 … W_(L−1)
 * and b_1 … b_L, the input x, the labels y and the learning rate eta.
 *
 * <p>W.get(k) is W_k and b.get(k) is b_(k+1), following the document's numbering of biases one
 * ahead of weights. Shapes are checked by {@link #shapeProblems()}, not by the constructor, so
 * that a reader can report every problem of a template at once.
 */
public record Network(Matrix x, Matrix y, List<Matrix> W, List<Matrix> b, double eta) {

    public Network {
        W = List.copyOf(W);
        b = List.copyOf(b);
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
        if (x.cols() != 1) {
            problems.add(new ShapeProblem("x", "x is " + x.shape() + " but must be one column"));
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
            if (k < b.size() && (b.get(k).rows() != width || b.get(k).cols() != 1)) {
                problems.add(new ShapeProblem("b_" + (k + 1), "b_" + (k + 1) + " is "
                        + b.get(k).shape() + " but W_" + k + " has " + width + " columns: b_"
                        + (k + 1) + " must be " + width + " × 1"));
            }
        }
        if (!W.isEmpty() && (y.rows() != width || y.cols() != 1)) {
            problems.add(new ShapeProblem("y", "y is " + y.shape() + " but the last layer has "
                    + width + " outputs: y must be " + width + " × 1"));
        }
        return problems;
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /** The loss E = ½ Σ (a_(L−1) − y)² after a forward pass; used to check gradients. */
    public double E() {
        Matrix a = x;
        for (int k = 0; k < layers(); k++) {
            a = Operation.SIGMOID.apply(List.of(
                    Operation.AFFINE.apply(List.of(W.get(k), a, b.get(k)))));
        }
        return Operation.HALF_SUM.apply(List.of(
                Operation.SQUARED_DIFFERENCE.apply(List.of(a, y)))).get(0, 0);
    }
}
