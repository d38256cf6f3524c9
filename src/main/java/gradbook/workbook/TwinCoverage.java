package gradbook.workbook;

import gradbook.core.GradientCheck;
import gradbook.core.GradientCheck.Probe;
import gradbook.core.Operation;
import gradbook.core.Quantity;
import gradbook.core.Trace;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which entries of each quantity get a formula twin and a difference cell, as
 * {@code --formulas} asks: every entry ({@code all}), none ({@code none}), or ({@code auto})
 * every entry up to {@value #LIMIT} entries a quantity and a sample beyond.
 *
 * <p>Under auto, a quantity of a weight matrix's shape with more than {@value #LIMIT} entries
 * that no other twin reads whole (∂E/∂W_k, its check fd_… and fd_diff_…, ΔW_k and W_k after the
 * step) has twins only at row 1 and column 1 of W_k and at the entries the gradient check
 * samples (see {@link GradientCheck}): the same entries in every such quantity of the layer,
 * so that each twin still reads twins only, and the check's entries show their whole chain.
 * W_k itself and ∂z/∂a (= W) keep every twin, since the twins of z and δ read their rows and
 * columns whole; so does every vector.
 *
 * <p>{@value #LIMIT}: a 100 × 100 layer. Each entry of such a quantity costs two formula cells
 * in each of five quantities, so a layer at the limit writes 100,000 of them: a 100-100-10
 * workbook of about 3 MB, which LibreOffice opens and recalculates in seconds. A 784 × 128
 * layer (MNIST's first) would write over a million; with them LibreOffice took about three
 * times as long to open and recalculate the 784-128-10 workbook as with auto's sample, about
 * 930 entries a quantity. Every network of the worked example's and the tests' sizes (900
 * weights a layer at most) is far below the limit, and gets every twin.
 */
final class TwinCoverage {
    /** The most entries a quantity may have and still get every twin under auto. */
    static final int LIMIT = FormulaMode.AUTO_LIMIT;

    private final FormulaMode mode;
    /** For W_k under auto, when it is over the limit: the entries (i, j) as i · cols + j. */
    private final Map<String, Set<Integer>> sampled = new HashMap<>();
    private final Map<String, Integer> columns = new HashMap<>();

    TwinCoverage(FormulaMode mode, Trace trace) {
        this.mode = mode;
        if (mode != FormulaMode.AUTO) {
            return;
        }
        for (Quantity q : trace.quantities()) {
            int rows = q.value().rows();
            int cols = q.value().cols();
            if (!isWeight(q.name()) || rows * cols <= LIMIT) {
                continue;
            }
            Set<Integer> entries = new HashSet<>();
            for (int j = 0; j < cols; j++) {
                entries.add(j);
            }
            for (int i = 0; i < rows; i++) {
                entries.add(i * cols);
            }
            for (Probe p : trace.probes()) {
                if (p.parameter().equals(q.name())) {
                    entries.add(p.i() * cols + p.j());
                }
            }
            sampled.put(q.name(), entries);
            columns.put(q.name(), cols);
        }
    }

    /** False when no quantity has a twin ({@code --formulas none}). */
    boolean any() {
        return mode != FormulaMode.NONE;
    }

    /** True when entry (i, j) of {@code q}, in the core's indices, gets its twin. */
    boolean has(Quantity q, int i, int j) {
        if (!any()) {
            return false;
        }
        if (!limited(q)) {
            return true;
        }
        return sampled.get(q.shapeOf()).contains(i * columns.get(q.shapeOf()) + j);
    }

    /** True when some quantity has twins at a sample of its entries only. */
    boolean limitsAny() {
        return !sampled.isEmpty();
    }

    /** What the label of {@code q} adds: which entries have twins, and why; "" for all. */
    String note(Quantity q) {
        if (!limited(q)) {
            return "";
        }
        int size = q.value().rows() * q.value().cols();
        return "; formula twins only in row 1, column 1 and at the entries the gradient check"
                + " samples (" + sampled.get(q.shapeOf()).size() + " of " + thousands(size)
                + " entries), as --formulas auto has it above " + thousands(LIMIT) + " entries";
    }

    /** The Network sheet's line on the twins, when they are not all there. */
    List<String> lines() {
        if (!any()) {
            return List.of("Formula twins: none (--formulas none). The sheets show the values"
                    + " computed in Java, with their names and labels; --formulas all adds a"
                    + " live formula beside each.");
        }
        if (!limitsAny()) {
            return List.of();
        }
        return List.of("Formula twins: every quantity of a weight matrix's shape with more than "
                + thousands(LIMIT) + " entries (∂E/∂W, its check, ΔW, W after the"
                + " step) has them only in row 1, column 1 and at the entries the gradient check"
                + " samples; the other twin cells are empty (--formulas auto; --formulas all"
                + " writes every one).");
    }

    // A weight matrix's shape, and read entry by entry only: W_k itself and ∂z/∂a, a copy of
    // W_k, are read whole by the twins of z and δ.
    private boolean limited(Quantity q) {
        return q.shapeOf() != null && sampled.containsKey(q.shapeOf())
                && q.operation() != Operation.COPY && q.operation() != Operation.INPUT;
    }

    // 12,800 whatever the machine's language, as the rest of the sheets write numbers.
    private static String thousands(int n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static boolean isWeight(String name) {
        return name.matches("W_\\d+");
    }
}
