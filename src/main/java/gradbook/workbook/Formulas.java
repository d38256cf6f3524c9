package gradbook.workbook;

import gradbook.core.Quantity;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The formula twin of each entry of a quantity: the quantity's operation written over the twins
 * of its operands, so the twins form a computation of their own that starts at the template's
 * cells and never reads a Java value.
 *
 * <p>Formulas use only functions that Excel, LibreOffice and gnumeric share, no array
 * evaluation, and brackets wherever the programs' precedence could differ.
 */
final class Formulas {
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
        String host = placements.get(q.name()).sheet();
        return switch (q.operation()) {
            case INPUT -> inputs.get(q.name()).twin(host, i, j);
            case AFFINE -> affine(q, host, i);
            case SIGMOID -> sigmoid(ref(q, 0, host, i, j));
            case SIGMOID_SLOPE -> {
                String a = ref(q, 0, host, i, j);
                yield a + "*(1-" + a + ")";
            }
            case DIFFERENCE -> ref(q, 0, host, i, j) + "-" + ref(q, 1, host, i, j);
            case SQUARED_DIFFERENCE -> "(" + ref(q, 0, host, i, j) + "-" + ref(q, 1, host, i, j)
                    + ")^2";
            case HALF_SUM -> {
                Placement p = operand(q, 0);
                yield "0.5*SUM(" + p.twinRange(host, 0, p.rows() - 1, 0, p.cols() - 1) + ")";
            }
            case COPY -> ref(q, 0, host, i, j);
            case ONES -> "1";
            case HADAMARD -> ref(q, 0, host, i, j) + "*" + ref(q, 1, host, i, j);
            case BACK_PROPAGATE -> backPropagate(q, host, i);
            case OUTER -> ref(q, 0, host, i, 0) + "*" + ref(q, 1, host, j, 0);
            case SLIPPED_BACK_PROPAGATE -> backPropagate(q, host, i) + "*" + ref(q, 3, host, i, 0);
            case OUTER_TRANSPOSED -> ref(q, 1, host, i, 0) + "*" + ref(q, 0, host, j, 0);
            case CENTRAL_DIFFERENCE -> check.estimate(host, q.operands().get(0), i, j);
            case STEP -> "-" + ref(q, 0, host, 0, 0) + "*" + ref(q, 1, host, i, j);
            case SUM -> ref(q, 0, host, i, j) + "+" + ref(q, 1, host, i, j);
        };
    }

    // z[i] = Σ_r W[r][i] a[r] + b[i]: column i of W against the column a, both vertical, so
    // SUMPRODUCT needs no array evaluation.
    private String affine(Quantity q, String host, int i) {
        Placement W = operand(q, 0);
        Placement a = operand(q, 1);
        return "SUMPRODUCT(" + W.twinRange(host, 0, W.rows() - 1, i, i) + ","
                + a.twinRange(host, 0, a.rows() - 1, 0, 0) + ")+" + ref(q, 2, host, i, 0);
    }

    // Both branches are the sigmoid; each exponent is ≤ 0, so EXP never overflows.
    static String sigmoid(String z) {
        return "IF(" + z + ">=0,1/(1+EXP(-" + z + ")),EXP(" + z + ")/(1+EXP(" + z + ")))";
    }

    // δ[i] = (Σ_c W[i][c] δ'[c]) s[i]: row i of W meets the column δ', which SUMPRODUCT cannot
    // pair without an array transpose, so the sum is written out term by term.
    private String backPropagate(Quantity q, String host, int i) {
        Placement W = operand(q, 0);
        StringJoiner sum = new StringJoiner("+", "(", ")");
        for (int c = 0; c < W.cols(); c++) {
            sum.add(ref(q, 0, host, i, c) + "*" + ref(q, 1, host, c, 0));
        }
        return sum + "*" + ref(q, 2, host, i, 0);
    }

    private Placement operand(Quantity q, int n) {
        return placements.get(q.operands().get(n));
    }

    private String ref(Quantity q, int n, String host, int i, int j) {
        return References.from(host, operand(q, n).twin(i, j));
    }
}
