package gradbook.audit;

import gradbook.core.Quantity;
import gradbook.core.Trace;
import java.util.List;

/**
 * A person's own value of one computed quantity, cell by cell as laid out: the quantity's shape,
 * or its transpose, and for a vector a row or a column.
 *
 * @param name the quantity's name, e.g. {@code dE_dW_1} for the defined name hand_dE_dW_1
 * @param cells the cells row by row, as the person laid them out
 */
public record HandValue(String name, List<List<HandCell>> cells) {
    /** The prefix of the defined names that hold hand values. */
    public static final String PREFIX = "hand_";

    public HandValue {
        cells = cells.stream().map(List::copyOf).toList();
    }

    public int rows() {
        return cells.size();
    }

    public int cols() {
        return cells.get(0).size();
    }

    /**
     * Why a hand value named {@code name} of {@code rows} × {@code cols} cells cannot be judged
     * against {@code trace}, as a sentence that says how to fix it, or null when it can.
     */
    public static String problem(Trace trace, String name, int rows, int cols) {
        if (!trace.has(name)) {
            return PREFIX + name + " names no quantity gradbook computes for this network; use"
                    + " hand_ and a name of the glossary, e.g. hand_z_0 or hand_dE_dW_0";
        }
        Quantity q = trace.get(name);
        if (q.isInput()) {
            return PREFIX + name + ": " + name + " is read from the template, not computed; give"
                    + " hand values for computed quantities only";
        }
        if (Layout.of(q, rows, cols) == null) {
            int n = q.value().rows();
            String wanted = q.isMatrix()
                    ? q.value().shape() + " (or its transpose, " + q.value().cols() + " × "
                            + q.value().rows() + ")"
                    : n + " cells in one row or one column";
            return PREFIX + name + " is " + rows + " × " + cols + " but " + name + " is "
                    + q.value().shape() + "; define " + PREFIX + name + " over " + wanted;
        }
        return null;
    }
}
