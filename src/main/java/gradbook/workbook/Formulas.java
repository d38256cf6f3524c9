package gradbook.workbook;

import gradbook.core.Operation;
import gradbook.core.Quantity;
import gradbook.core.Scale;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The formula twin of each entry of a quantity: the quantity's operation written over the twins
 * of its operands, so the twins form a computation of their own that starts at the template's
 * cells and never reads a Java value.
 *
 * <p>Formulas use only functions that Excel, LibreOffice and gnumeric share, no array
 * evaluation, and brackets wherever the programs' precedence could differ.
 *
 * <p>Known limit: softmax's sum of exponentials is written term by term (EXP of a range would
 * need array evaluation, which POI and gnumeric do not give SUMPRODUCT), so a softmax layer of
 * more than about 300 units outgrows Excel's 8,192 characters a formula; so does the Gradient
 * Check sheet's cross-entropy E, term by term too, beyond about 100 outputs.
 * TODO(#7): bound softmax's twin and the check's cross-entropy for such layers.
 */
final class Formulas {
    /**
     * A sum of a row of W and a column of a (or δ) is written term by term up to this many
     * terms, as the document writes it; beyond, as MMULT of the row and the column, so that no
     * twin outgrows Excel's 8,192 characters whatever the layer's width. MMULT of a 1 × n row
     * and an n × 1 column is one number, which Excel, LibreOffice, gnumeric and POI all take
     * as a plain formula; SUMPRODUCT(row, TRANSPOSE(column)) is not plain in older Excel.
     */
    static final int TERMS_WRITTEN_OUT = 32;

    private final Map<String, Placement> placements;
    private final Map<String, InputArea> inputs;
    private final GradientCheckSheet check;

    Formulas(Map<String, Placement> placements, Map<String, InputArea> inputs,
            GradientCheckSheet check) {
        this.placements = placements;
        this.inputs = inputs;
        this.check = check;
    }

    /** The formula, without its leading '=', for entry (i, j) of {@code q}. */
    String twin(Quantity q, int i, int j) {
        String formula = unscaled(q, i, j);
        Scale scale = q.scale();
        return scale.isOne() || formula == null ? formula : scaled(scale, formula);
    }

    /** {@code formula} times a constant p/q, written so that it rounds as Java's p/q · value. */
    static String scaled(Scale scale, String formula) {
        return scale.numerator() + "/" + scale.denominator() + "*(" + formula + ")";
    }

    private String unscaled(Quantity q, int i, int j) {
        String host = placements.get(q.name()).sheet();
        return switch (q.operation()) {
            case INPUT -> inputs.get(q.name()).twin(host, i, j);
            case AFFINE -> affine(q, host, i, j);
            case SIGMOID, TANH, RELU, IDENTITY, SIGMOID_SLOPE, TANH_SLOPE, RELU_SLOPE,
                    IDENTITY_SLOPE -> elementwise(q.operation(), ref(q, 0, host, i, j));
            case SOFTMAX -> softmax(q, host, i, j);
            case SOFTMAX_BACK -> {
                Placement g = operand(q, 0);
                Placement a = operand(q, 1);
                yield ref(q, 1, host, i, j) + "*(" + ref(q, 0, host, i, j) + "-SUMPRODUCT("
                        + a.twinRange(host, 0, a.rows() - 1, j, j) + ","
                        + g.twinRange(host, 0, g.rows() - 1, j, j) + "))";
            }
            case DIFFERENCE -> ref(q, 0, host, i, j) + "-" + ref(q, 1, host, i, j);
            case SQUARED_DIFFERENCE, BINARY_CROSS_ENTROPY, CROSS_ENTROPY ->
                    lossTerm(q.operation(), ref(q, 0, host, i, j), ref(q, 1, host, i, j));
            case BINARY_CROSS_ENTROPY_SLOPE -> {
                String p = ref(q, 0, host, i, j);
                yield "(" + p + "-" + ref(q, 1, host, i, j) + ")/(" + p + "*(1-" + p + "))";
            }
            case CROSS_ENTROPY_SLOPE -> "-" + ref(q, 1, host, i, j) + "/" + ref(q, 0, host, i, j);
            case TOTAL -> {
                Placement p = operand(q, 0);
                yield "SUM(" + p.twinRange(host, 0, p.rows() - 1, 0, p.cols() - 1) + ")";
            }
            case COPY -> ref(q, 0, host, i, j);
            case ONES -> "1";
            case ZEROS -> "0";
            case HADAMARD -> ref(q, 0, host, i, j) + "*" + ref(q, 1, host, i, j);
            case HADAMARD_SUMMED -> rowProduct(q, host, i, i);
            case HADAMARD_TOTAL -> {
                Placement p = operand(q, 0);
                Placement o = operand(q, 1);
                yield "SUMPRODUCT(" + p.twinRange(host, 0, p.rows() - 1, 0, p.cols() - 1) + ","
                        + o.twinRange(host, 0, o.rows() - 1, 0, o.cols() - 1) + ")";
            }
            case BACK_PROPAGATE -> backPropagate(q, host, i, j);
            case OUTER -> rowProduct(q, host, i, j);
            case SLIPPED_BACK_PROPAGATE -> backPropagate(q, host, i, j) + "*"
                    + ref(q, 3, host, i, j);
            case OUTER_TRANSPOSED -> ref(q, 1, host, i, 0) + "*" + ref(q, 0, host, j, 0);
            case CENTRAL_DIFFERENCE -> check.estimate(host, q.operands().get(0), i, j);
            case STEP -> "-" + ref(q, 0, host, 0, 0) + "*" + ref(q, 1, host, i, j);
            case RMSPROP_STEP -> {
                String g = ref(q, 3, host, i, j);
                yield "-" + ref(q, 0, host, 0, 0) + "*" + g + "/(SQRT((1-" + ref(q, 1, host, 0, 0)
                        + ")*(" + g + "*" + g + "))+" + ref(q, 2, host, 0, 0) + ")";
            }
            case ADAM_STEP -> adamStep(q, host, i, j);
            case SUM -> ref(q, 0, host, i, j) + "+" + ref(q, 1, host, i, j);
        };
    }

    // Adam's first change, bias-corrected at t = 1, in the order Java rounds it:
    // −η ((1 − β₁) g / (1 − β₁)) / (√((1 − β₂) g² / (1 − β₂)) + ε).
    private String adamStep(Quantity q, String host, int i, int j) {
        String g = ref(q, 4, host, i, j);
        String beta1 = "(1-" + ref(q, 1, host, 0, 0) + ")";
        String beta2 = "(1-" + ref(q, 2, host, 0, 0) + ")";
        return "-" + ref(q, 0, host, 0, 0) + "*(" + beta1 + "*" + g + "/" + beta1 + ")/(SQRT("
                + beta2 + "*(" + g + "*" + g + ")/" + beta2 + ")+" + ref(q, 3, host, 0, 0) + ")";
    }

    // z[i][s] = Σ_r W[r][i] a[r][s] + b[i], b[0] for a bias shared by the layer.
    private String affine(Quantity q, String host, int i, int s) {
        Placement a = operand(q, 1);
        int bias = operand(q, 2).rows() == 1 ? 0 : i;
        return weighted(operand(q, 0), host, i, r -> ref(q, 1, host, r, s),
                a.twinRange(host, 0, a.rows() - 1, s, s))
                + "+" + ref(q, 2, host, bias, 0);
    }

    /**
     * Σ_r W[r][u] a[r], column u of W's twin against the cells of a ({@code column} gives the r-th), which span
     * the vertical range {@code range}. Where W is shown input × output its column u is
     * vertical too and SUMPRODUCT pairs them without array evaluation; shown output × input
     * (weight_layout out_by_in) it is a row, which SUMPRODUCT cannot pair with a column, so
     * the sum is written term by term, or as MMULT beyond {@value #TERMS_WRITTEN_OUT} terms.
     */
    static String weighted(Placement W, String host, int u, IntFunction<String> column,
            String range) {
        String w = W.twinRange(host, 0, W.rows() - 1, u, u);
        if (!W.transposed()) {
            return "SUMPRODUCT(" + w + "," + range + ")";
        }
        if (W.rows() > TERMS_WRITTEN_OUT) {
            return "MMULT(" + w + "," + range + ")";
        }
        StringJoiner sum = new StringJoiner("+", "(", ")");
        for (int r = 0; r < W.rows(); r++) {
            sum.add(References.from(host, W.twin(r, u)) + "*" + column.apply(r));
        }
        return sum.toString();
    }

    /** An activation of one number, or its slope written from a, applied to the cell {@code v}. */
    static String elementwise(Operation f, String v) {
        return switch (f) {
            case SIGMOID -> sigmoid(v);
            case TANH -> "TANH(" + v + ")";
            case RELU -> "IF(" + v + ">0," + v + ",0)";
            case IDENTITY -> v;
            case SIGMOID_SLOPE -> v + "*(1-" + v + ")";
            case TANH_SLOPE -> "1-" + v + "*" + v;
            case RELU_SLOPE -> "IF(" + v + ">0,1,0)";
            case IDENTITY_SLOPE -> "1";
            default -> throw new IllegalArgumentException(f + " is not a function of one number");
        };
    }

    // Both branches are the sigmoid; each exponent is ≤ 0, so EXP never overflows.
    static String sigmoid(String z) {
        return "IF(" + z + ">=0,1/(1+EXP(-" + z + ")),EXP(" + z + ")/(1+EXP(" + z + ")))";
    }

    private String softmax(Quantity q, String host, int i, int s) {
        Placement z = operand(q, 0);
        List<String> column = new ArrayList<>();
        for (int r = 0; r < z.rows(); r++) {
            column.add(ref(q, 0, host, r, s));
        }
        return softmax(column, i, z.twinRange(host, 0, z.rows() - 1, s, s));
    }

    /**
     * Entry i of the softmax of one sample's column of z, the cells {@code column} spanning
     * {@code range}: each exponent is z less the column's MAX, never positive, so EXP never
     * overflows and the sum is at least 1. The sum is written term by term, since EXP of a
     * range would need array evaluation.
     */
    static String softmax(List<String> column, int i, String range) {
        String max = "MAX(" + range + ")";
        StringJoiner sum = new StringJoiner("+", "(", ")");
        for (String z : column) {
            sum.add("EXP(" + z + "-" + max + ")");
        }
        return "EXP(" + column.get(i) + "-" + max + ")/" + sum;
    }

    /**
     * The error term of output {@code a} against label {@code y}: (a−y)², or a cross-entropy
     * whose y ln a is 0 where y is, as in Java, so that LN never sees a saturated 0.
     */
    static String lossTerm(Operation term, String a, String y) {
        return switch (term) {
            case SQUARED_DIFFERENCE -> "(" + a + "-" + y + ")^2";
            case CROSS_ENTROPY -> "-IF(" + y + "=0,0," + y + "*LN(" + a + "))";
            case BINARY_CROSS_ENTROPY -> "-(IF(" + y + "=0,0," + y + "*LN(" + a + "))+IF(" + y
                    + "=1,0,(1-" + y + ")*LN(1-" + a + ")))";
            default -> throw new IllegalArgumentException(term + " is not an error term");
        };
    }

    // Σₛ p[r][s] q[c][s]: row r of p against row c of q, both horizontal, one entry per sample;
    // with one sample, the product of two cells, as the document writes a δᵀ.
    private String rowProduct(Quantity q, String host, int r, int c) {
        Placement p = operand(q, 0);
        if (p.cols() == 1) {
            return ref(q, 0, host, r, 0) + "*" + ref(q, 1, host, c, 0);
        }
        return "SUMPRODUCT(" + p.twinRange(host, r, r, 0, p.cols() - 1) + ","
                + operand(q, 1).twinRange(host, c, c, 0, p.cols() - 1) + ")";
    }

    // δ[i][s] = (Σ_c W[i][c] δ'[c][s]) s[i][s]: row i of W meets a column of δ', written
    // term by term up to TERMS_WRITTEN_OUT terms; beyond, shown input × output row i is a row,
    // which SUMPRODUCT cannot pair with a column but MMULT can, and shown output × input it is
    // a column, which SUMPRODUCT pairs.
    private String backPropagate(Quantity q, String host, int i, int s) {
        Placement W = operand(q, 0);
        Placement next = operand(q, 1);
        String slope = ref(q, 2, host, i, s);
        if (W.cols() > TERMS_WRITTEN_OUT) {
            String w = W.twinRange(host, i, i, 0, W.cols() - 1);
            String d = next.twinRange(host, 0, next.rows() - 1, s, s);
            return (W.transposed() ? "SUMPRODUCT(" : "MMULT(") + w + "," + d + ")*" + slope;
        }
        StringJoiner sum = new StringJoiner("+", "(", ")");
        for (int c = 0; c < W.cols(); c++) {
            sum.add(ref(q, 0, host, i, c) + "*" + ref(q, 1, host, c, s));
        }
        return sum + "*" + slope;
    }

    private Placement operand(Quantity q, int n) {
        return placements.get(q.operands().get(n));
    }

    private String ref(Quantity q, int n, String host, int i, int j) {
        return References.from(host, operand(q, n).twin(i, j));
    }
}
