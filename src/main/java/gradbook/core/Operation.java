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
    /**
     * z = Wᵀa + b, b added to every column (sample) of Wᵀa, a one-cell b to every entry;
     * operands W, a, b.
     */
    AFFINE(3),
    /** a = S(z), the logistic sigmoid; operand z. */
    SIGMOID(1),
    /** a = tanh(z); operand z. */
    TANH(1),
    /** a = max(0, z); operand z. */
    RELU(1),
    /** a = z; operand z. */
    IDENTITY(1),
    /** a = e^z / Σ e^z over each column (one sample), computed from z − max z; operand z. */
    SOFTMAX(1),
    /** S'(z) = S(z)(1 − S(z)), written from a = S(z); operand a. */
    SIGMOID_SLOPE(1),
    /** tanh'(z) = 1 − a², written from a = tanh(z); operand a. */
    TANH_SLOPE(1),
    /** relu'(z) = 1 where a &gt; 0 (z &gt; 0), else 0, the slope at 0 taken as 0; operand a. */
    RELU_SLOPE(1),
    /** The identity's slope, 1 for each entry of a; operand a. */
    IDENTITY_SLOPE(1),
    /**
     * δ = a ∘ (g − aᵀg), column by column: the softmax's Jacobian diag(a) − a aᵀ applied to
     * g = ∂E/∂a; operands g, a.
     */
    SOFTMAX_BACK(2),
    /** p − q. */
    DIFFERENCE(2),
    /** (p − q)², entry by entry. */
    SQUARED_DIFFERENCE(2),
    /** −(q ln p + (1 − q) ln(1 − p)), binary cross-entropy of output p, label q. */
    BINARY_CROSS_ENTROPY(2),
    /** −q ln p, categorical cross-entropy of output p, label q. */
    CROSS_ENTROPY(2),
    /** (p − q) / (p (1 − p)), the slope of binary cross-entropy in p; operands p, q. */
    BINARY_CROSS_ENTROPY_SLOPE(2),
    /** −q / p, the slope of categorical cross-entropy in p; operands p, q. */
    CROSS_ENTROPY_SLOPE(2),
    /** Σ p over every entry, a 1 × 1 result (E, with its factor as the quantity's scale). */
    TOTAL(1),
    /** p itself, shown again under another name (∂z/∂W = a, ∂z/∂a = W). */
    COPY(1),
    /** A column of ones with the shape of p (∂z/∂b = 1). */
    ONES(1),
    /** A zero for each entry of p: the step of a parameter the step holds fixed. */
    ZEROS(1),
    /** p ∘ q, the elementwise product. */
    HADAMARD(2),
    /** Σₛ p ∘ q over the columns (samples), a column: ∂E/∂b = Σₛ δ ∘ ∂z/∂b. */
    HADAMARD_SUMMED(2),
    /**
     * Σ p ∘ q over every entry, a 1 × 1 result: ∂E/∂b of one bias shared by a layer's units,
     * summed over the units and the samples; operands δ, ∂z/∂b.
     */
    HADAMARD_TOTAL(2),
    /** (W · δ) ∘ s: the error of the next layer carried back through W; operands W, δ, s. */
    BACK_PROPAGATE(3),
    /**
     * a δᵀ, the outer product that has the shape of W (input × output), summed over the samples
     * (the columns of a and δ); operands a, δ.
     */
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
    /**
     * −η g / (√s + ε) with s = (1 − ρ) g², RMSprop's first change, from s = 0; operands eta,
     * rho, epsilon, g.
     */
    RMSPROP_STEP(4),
    /**
     * −η m̂ / (√v̂ + ε) with m̂ = (1 − β₁) g / (1 − β₁) and v̂ = (1 − β₂) g² / (1 − β₂), Adam's
     * first change, from m = v = 0, bias-corrected at t = 1; operands eta, beta_1, beta_2,
     * epsilon, g.
     */
    ADAM_STEP(5),
    /** p + q. */
    SUM(2);

    private final int arity;

    Operation(int arity) {
        this.arity = arity;
    }

    public int arity() {
        return arity;
    }

    /** The value times {@code scale}: p/q · (the operation's value), entry by entry. */
    public Matrix apply(List<Matrix> v, Scale scale) {
        Matrix m = apply(v);
        return scale.isOne() ? m : m.scale(scale.value());
    }

    /** Computes the value from the operands' values, in the order the operation lists them. */
    public Matrix apply(List<Matrix> v) {
        if (v.size() != arity) {
            throw new IllegalArgumentException(this + " takes " + arity + " operands, not "
                    + v.size());
        }
        return switch (this) {
            case INPUT -> throw new IllegalStateException("an input has no formula");
            case AFFINE -> affine(v.get(0), v.get(1), v.get(2));
            case SIGMOID -> v.get(0).map(Sigmoid::S);
            case TANH -> v.get(0).map(Math::tanh);
            case RELU -> v.get(0).map(z -> z > 0 ? z : 0);
            case IDENTITY -> v.get(0);
            case SOFTMAX -> softmax(v.get(0));
            case SIGMOID_SLOPE -> v.get(0).map(a -> a * (1 - a));
            case TANH_SLOPE -> v.get(0).map(a -> 1 - a * a);
            case RELU_SLOPE -> v.get(0).map(a -> a > 0 ? 1 : 0);
            case IDENTITY_SLOPE -> Matrix.filled(v.get(0).rows(), v.get(0).cols(), 1);
            case SOFTMAX_BACK -> softmaxBack(v.get(0), v.get(1));
            case DIFFERENCE -> v.get(0).minus(v.get(1));
            case SQUARED_DIFFERENCE -> v.get(0).zip(v.get(1), (p, q) -> (p - q) * (p - q));
            case BINARY_CROSS_ENTROPY -> v.get(0).zip(v.get(1),
                    (p, q) -> -(xLogY(q, p) + xLogY(1 - q, 1 - p)));
            case CROSS_ENTROPY -> v.get(0).zip(v.get(1), (p, q) -> -xLogY(q, p));
            case BINARY_CROSS_ENTROPY_SLOPE -> v.get(0).zip(v.get(1),
                    (p, q) -> (p - q) / (p * (1 - p)));
            case CROSS_ENTROPY_SLOPE -> v.get(0).zip(v.get(1), (p, q) -> -q / p);
            case TOTAL -> Matrix.filled(1, 1, v.get(0).sum());
            case COPY -> v.get(0);
            case ONES -> Matrix.filled(v.get(0).rows(), v.get(0).cols(), 1);
            case ZEROS -> Matrix.filled(v.get(0).rows(), v.get(0).cols(), 0);
            case HADAMARD -> v.get(0).hadamard(v.get(1));
            case HADAMARD_SUMMED -> v.get(0).hadamard(v.get(1))
                    .times(Matrix.filled(v.get(0).cols(), 1, 1));
            case HADAMARD_TOTAL -> Matrix.filled(1, 1, v.get(0).hadamard(v.get(1)).sum());
            case BACK_PROPAGATE -> v.get(0).times(v.get(1)).hadamard(v.get(2));
            case OUTER -> v.get(0).times(v.get(1).transpose());
            case SLIPPED_BACK_PROPAGATE -> v.get(0).times(v.get(1)).hadamard(v.get(2))
                    .hadamard(v.get(3));
            case OUTER_TRANSPOSED -> v.get(1).times(v.get(0).transpose());
            case CENTRAL_DIFFERENCE -> throw new IllegalStateException(
                    "a central difference is computed from the whole network");
            case STEP -> v.get(1).scale(-v.get(0).get(0, 0));
            case RMSPROP_STEP -> rmspropStep(v.get(0).get(0, 0), v.get(1).get(0, 0),
                    v.get(2).get(0, 0), v.get(3));
            case ADAM_STEP -> adamStep(v.get(0).get(0, 0), v.get(1).get(0, 0),
                    v.get(2).get(0, 0), v.get(3).get(0, 0), v.get(4));
            case SUM -> v.get(0).plus(v.get(1));
        };
    }

    // The state after one step from 0 is ρ·0 + (1 − ρ) g², which is exactly (1 − ρ) g², so the
    // first step of a run (see Trainer) and this change round alike.
    private static Matrix rmspropStep(double eta, double rho, double epsilon, Matrix g) {
        return g.map(gi -> Optimizer.rmspropChange(eta, gi, (1 - rho) * (gi * gi), epsilon));
    }

    private static Matrix adamStep(double eta, double beta_1, double beta_2, double epsilon,
            Matrix g) {
        return g.map(gi -> Optimizer.adamChange(eta, (1 - beta_1) * gi, (1 - beta_2)
                * (gi * gi), beta_1, beta_2, epsilon, 1));
    }

    // Wᵀa with b added to each column, one column per sample; a one-cell b is shared by every
    // unit of the layer.
    private static Matrix affine(Matrix W, Matrix a, Matrix b) {
        Matrix product = W.transpose().times(a);
        Matrix column = b.rows() == product.rows() ? b
                : Matrix.filled(product.rows(), 1, b.get(0, 0));
        return product.plus(column.times(Matrix.filled(1, product.cols(), 1)));
    }

    // Each column less its largest entry, so that no exponent is positive and EXP never
    // overflows; the formula twin subtracts the same MAX.
    private static Matrix softmax(Matrix z) {
        double[][] a = new double[z.rows()][z.cols()];
        for (int s = 0; s < z.cols(); s++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < z.rows(); i++) {
                max = Math.max(max, z.get(i, s));
            }
            double sum = 0;
            for (int i = 0; i < z.rows(); i++) {
                sum += Math.exp(z.get(i, s) - max);
            }
            for (int i = 0; i < z.rows(); i++) {
                a[i][s] = Math.exp(z.get(i, s) - max) / sum;
            }
        }
        return Matrix.of(a);
    }

    private static Matrix softmaxBack(Matrix g, Matrix a) {
        double[][] d = new double[g.rows()][g.cols()];
        for (int s = 0; s < g.cols(); s++) {
            double dot = 0;
            for (int i = 0; i < g.rows(); i++) {
                dot += a.get(i, s) * g.get(i, s);
            }
            for (int i = 0; i < g.rows(); i++) {
                d[i][s] = a.get(i, s) * (g.get(i, s) - dot);
            }
        }
        return Matrix.of(d);
    }

    // x ln y with 0 ln 0 = 0, the limit, so that a label of exactly 0 or 1 costs nothing where
    // the output saturates to it; the formula twin writes the same IF.
    private static double xLogY(double x, double y) {
        return x == 0 ? 0 : x * Math.log(y);
    }
}
