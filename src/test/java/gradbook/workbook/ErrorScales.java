package gradbook.workbook;

import gradbook.core.GradientCheck;
import gradbook.core.Matrix;
import gradbook.core.Operation;
import gradbook.core.Quantity;
import gradbook.core.Trace;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * For every entry of a trace, the size of the numbers it is computed from, against which two
 * floating-point evaluations of the same formulas are compared.
 *
 * <p>POI's evaluator rounds both operands of * and / to 15 significant digits, so a formula
 * twin differs from its Java value by about 1e-15 of the numbers it is computed from. Where
 * those cancel (1 − a for a saturated unit, a − y for an output close to its label, a sum of
 * terms of both signs) the difference is small next to those numbers but not next to the
 * result, and it travels downstream. The scale of an entry is a first-order bound on how far a
 * relative error ε in every number computed so far can move it, divided by ε. Where nothing
 * cancels it is about the entry's own size, so a tolerance relative to the scale is a tolerance
 * relative to the value.
 */
final class ErrorScales {
    private final Map<String, Matrix> scales = new HashMap<>();

    /** The scales of every quantity of {@code trace}, propagated in the trace's order. */
    ErrorScales(Trace trace) {
        for (Quantity q : trace.quantities()) {
            List<Matrix> v = q.operands().stream().map(trace::value).toList();
            List<Matrix> s = q.operands().stream().map(scales::get).toList();
            double[][] scale = new double[q.value().rows()][q.value().cols()];
            for (int i = 0; i < scale.length; i++) {
                for (int j = 0; j < scale[i].length; j++) {
                    scale[i][j] = entry(q, v, s, i, j);
                }
            }
            scales.put(q.name(), Matrix.of(scale));
        }
    }

    /** The scale of entry (i, j) of the quantity {@code name}; at least its absolute value. */
    double of(String name, int i, int j) {
        return scales.get(name).get(i, j);
    }

    // Each case is the operation's first-order error propagation, written out from its
    // definition (see Operation), plus the rounding of the result itself.
    private static double entry(Quantity q, List<Matrix> v, List<Matrix> s, int i, int j) {
        double value = Math.abs(q.value().get(i, j));
        return switch (q.operation()) {
            case INPUT, ONES, ZEROS -> value;
            case COPY -> s.get(0).get(i, j);
            case AFFINE -> {
                double t = s.get(2).get(s.get(2).rows() == 1 ? 0 : i, 0);
                for (int r = 0; r < v.get(0).rows(); r++) {
                    t += s.get(0).get(r, i) * Math.abs(v.get(1).get(r, j))
                            + Math.abs(v.get(0).get(r, i)) * s.get(1).get(r, j);
                }
                yield t;
            }
            case SIGMOID -> value + value * (1 - value) * s.get(0).get(i, j);
            case TANH -> value + (1 - value * value) * s.get(0).get(i, j);
            case RELU, IDENTITY -> value + s.get(0).get(i, j);
            // ∂aᵢ/∂zⱼ is at most aᵢ; z less its MAX cancels, so each z's scale counts.
            case SOFTMAX -> value + value * columnSum(s.get(0), j);
            case SIGMOID_SLOPE -> value
                    + Math.abs(1 - 2 * v.get(0).get(i, j)) * s.get(0).get(i, j);
            case TANH_SLOPE -> value + 2 * Math.abs(v.get(0).get(i, j)) * s.get(0).get(i, j);
            case RELU_SLOPE, IDENTITY_SLOPE -> value;
            case SOFTMAX_BACK -> {
                double dot = 0;
                double t = 0;
                for (int r = 0; r < v.get(0).rows(); r++) {
                    dot += Math.abs(v.get(0).get(r, j) * v.get(1).get(r, j));
                    t += product(v, s, 0, r, j, 1, r, j);
                }
                double a = Math.abs(v.get(1).get(i, j));
                yield value + a * (s.get(0).get(i, j) + t) + s.get(1).get(i, j)
                        * (Math.abs(v.get(0).get(i, j)) + dot);
            }
            case BINARY_CROSS_ENTROPY, CROSS_ENTROPY -> value
                    + s.get(0).get(i, j) / Math.min(v.get(0).get(i, j), 1 - v.get(0).get(i, j))
                    + s.get(1).get(i, j) * Math.abs(Math.log(v.get(0).get(i, j)
                            / (1 - v.get(0).get(i, j))));
            case BINARY_CROSS_ENTROPY_SLOPE, CROSS_ENTROPY_SLOPE -> {
                double p = v.get(0).get(i, j);
                double near = Math.min(p, 1 - p);
                yield value + q.scale().value() * ((value / near) * s.get(0).get(i, j)
                        + s.get(1).get(i, j) / near);
            }
            case HADAMARD_SUMMED -> {
                double t = value;
                for (int c = 0; c < v.get(0).cols(); c++) {
                    t += product(v, s, 0, i, c, 1, i, c);
                }
                yield t;
            }
            case DIFFERENCE, SUM -> value + q.scale().value()
                    * (s.get(0).get(i, j) + s.get(1).get(i, j));
            case SQUARED_DIFFERENCE -> value
                    + 2 * Math.sqrt(value) * (s.get(0).get(i, j) + s.get(1).get(i, j));
            case HADAMARD_TOTAL -> {
                double t = value;
                for (int r = 0; r < v.get(0).rows(); r++) {
                    for (int c = 0; c < v.get(0).cols(); c++) {
                        t += product(v, s, 0, r, c, 1, r, c);
                    }
                }
                yield t;
            }
            case TOTAL -> value + q.scale().value() * s.get(0).sum();
            case HADAMARD -> value + product(v, s, 0, i, j, 1, i, j);
            case BACK_PROPAGATE -> {
                double carried = 0;
                double t = 0;
                for (int c = 0; c < v.get(0).cols(); c++) {
                    carried += v.get(0).get(i, c) * v.get(1).get(c, j);
                    t += product(v, s, 0, i, c, 1, c, j);
                }
                yield value + t * Math.abs(v.get(2).get(i, j))
                        + Math.abs(carried) * s.get(2).get(i, j);
            }
            case SLIPPED_BACK_PROPAGATE -> {
                double carried = 0;
                double t = 0;
                for (int c = 0; c < v.get(0).cols(); c++) {
                    carried += v.get(0).get(i, c) * v.get(1).get(c, 0);
                    t += product(v, s, 0, i, c, 1, c, 0);
                }
                double slopes = v.get(2).get(i, 0) * v.get(3).get(i, 0);
                yield value + t * Math.abs(slopes)
                        + Math.abs(carried) * product(v, s, 2, i, 0, 3, i, 0);
            }
            case OUTER -> {
                double t = value;
                for (int c = 0; c < v.get(0).cols(); c++) {
                    t += product(v, s, 0, i, c, 1, j, c);
                }
                yield t;
            }
            case OUTER_TRANSPOSED -> value + product(v, s, 0, j, 0, 1, i, 0);
            // Both losses carry E's rounding; their difference is divided by 2h.
            case CENTRAL_DIFFERENCE -> value + s.get(1).get(0, 0) / GradientCheck.H;
            case STEP -> value + product(v, s, 0, 0, 0, 1, i, j);
            // −η g / (c|g| + ε) moves with g by η ε / (c|g| + ε)², at most η / (c|g| + ε);
            // c = √(1 − ρ) for RMSprop, 1 for Adam.
            case RMSPROP_STEP, ADAM_STEP -> {
                int last = v.size() - 1;
                double c = q.operation() == Operation.RMSPROP_STEP
                        ? Math.sqrt(1 - v.get(1).get(0, 0)) : 1;
                double g = Math.abs(v.get(last).get(i, j));
                double eta = v.get(0).get(0, 0);
                yield 2 * value + eta * s.get(last).get(i, j)
                        / (c * g + v.get(last - 1).get(0, 0));
            }
        };
    }

    private static double columnSum(Matrix m, int j) {
        double t = 0;
        for (int r = 0; r < m.rows(); r++) {
            t += m.get(r, j);
        }
        return t;
    }

    // How far p·q can move: each factor's scale times the other's size.
    private static double product(List<Matrix> v, List<Matrix> s, int p, int pi, int pj, int q,
            int qi, int qj) {
        return s.get(p).get(pi, pj) * Math.abs(v.get(q).get(qi, qj))
                + Math.abs(v.get(p).get(pi, pj)) * s.get(q).get(qi, qj);
    }

}
