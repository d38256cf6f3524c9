package gradbook.core;

import java.util.List;

/**
 * How a quantity is computed from its operands.
 *
 * <p>The core evaluates a quantity by applying its operation to the values of the quantities it
 * names as operands, and the workbook layer turns the same operation into a spreadsheet formula
 * over the same operands, so the Java value and its formula twin cannot drift apart.
 */
public enum Operation {
    /** A parameter read from the template (x, y, W_k, b_k, eta); no operands. */
    INPUT(0),
    /** z = Wᵀa + b; operands W, a, b. */
    AFFINE(3),
    /** a = S(z), the logistic sigmoid; operand z. */
    SIGMOID(1),
    /** S'(z) = S(z)(1 − S(z)), written from a = S(z); operand a. */
    SIGMOID_SLOPE(1),
    /** p − q. */
    DIFFERENCE(2),
    /** (p − q)², entry by entry. */
    SQUARED_DIFFERENCE(2),
    /** ½ Σ p, a 1 × 1 result. */
    HALF_SUM(1),
    /** p itself, shown again under another name (∂z/∂W = a, ∂z/∂a = W). */
    COPY(1),
    /** A column of ones with the shape of p (∂z/∂b = 1). */
    ONES(1),
    /** p ∘ q, the elementwise product. */
    HADAMARD(2),
    /** (W · δ) ∘ s: the error of the next layer carried back through W; operands W, δ, s. */
    BACK_PROPAGATE(3),
    /** a δᵀ, the outer product that has the shape of W (input × output); operands a, δ. */
    OUTER(2),
    /**
     * (W · v) ∘ s ∘ s': the notebook's δ for the first layer, with the next layer's slope s
     * applied after W instead of before; operands W, v = ∂E/∂a, s, s'.
     */
    SLIPPED_BACK_PROPAGATE(4),
    /** δ aᵀ, the notebook's outer product, output × input; operands a, δ, as for OUTER. */
    OUTER_TRANSPOSED(2),
    /**
     * (E(p + h) − E(p − h)) / 2h for each entry of a parameter p, from forward passes run
     * again with the entry moved (see {@link GradientCheck}); operands p, E. It needs the
     * whole network, not only its operands' values, so it has no {@link #apply}.
     */
    CENTRAL_DIFFERENCE(2),
    /** −η g, the change a gradient step makes; operands eta, g. */
    STEP(2),
    /** p + q. */
    SUM(2);

    private final int arity;

    Operation(int arity) {
        this.arity = arity;
    }

    public int arity() {
        return arity;
    }

    /** Computes the value from the operands' values, in the order the operation lists them. */
    Matrix apply(List<Matrix> v) {
        if (v.size() != arity) {
            throw new IllegalArgumentException(this + " takes " + arity + " operands, not "
                    + v.size());
        }
        return switch (this) {
            case INPUT -> throw new IllegalStateException("an input has no formula");
            case AFFINE -> v.get(0).transpose().times(v.get(1)).plus(v.get(2));
            case SIGMOID -> v.get(0).map(Sigmoid::S);
            case SIGMOID_SLOPE -> v.get(0).map(a -> a * (1 - a));
            case DIFFERENCE -> v.get(0).minus(v.get(1));
            case SQUARED_DIFFERENCE -> v.get(0).zip(v.get(1), (p, q) -> (p - q) * (p - q));
            case HALF_SUM -> Matrix.filled(1, 1, 0.5 * v.get(0).sum());
            case COPY -> v.get(0);
            case ONES -> Matrix.filled(v.get(0).rows(), v.get(0).cols(), 1);
            case HADAMARD -> v.get(0).hadamard(v.get(1));
            case BACK_PROPAGATE -> v.get(0).times(v.get(1)).hadamard(v.get(2));
            case OUTER -> v.get(0).times(v.get(1).transpose());
            case SLIPPED_BACK_PROPAGATE -> v.get(0).times(v.get(1)).hadamard(v.get(2))
                    .hadamard(v.get(3));
            case OUTER_TRANSPOSED -> v.get(1).times(v.get(0).transpose());
            case CENTRAL_DIFFERENCE -> throw new IllegalStateException(
                    "a central difference is computed from the whole network");
            case STEP -> v.get(1).scale(-v.get(0).get(0, 0));
            case SUM -> v.get(0).plus(v.get(1));
        };
    }
}
