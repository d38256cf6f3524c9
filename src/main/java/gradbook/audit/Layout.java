package gradbook.audit;

import gradbook.core.Quantity;

/**
 * How the cells of a hand value map onto the entries of its quantity. A vector's cells may be a
 * row or a column; a matrix of the transposed shape is read as a transpose, which is itself a
 * recognised mistake.
 */
enum Layout {
    AS_IS,
    VECTOR_AS_ROW,
    TRANSPOSED;

    /** The layout of {@code rows} × {@code cols} cells for {@code q}, or null if none fits. */
    static Layout of(Quantity q, int rows, int cols) {
        int m = q.value().rows();
        int n = q.value().cols();
        if (rows == m && cols == n) {
            return AS_IS;
        }
        if (!q.isMatrix() && n == 1 && rows == 1 && cols == m) {
            return VECTOR_AS_ROW;
        }
        if (q.isMatrix() && rows == n && cols == m) {
            return TRANSPOSED;
        }
        return null;
    }

    /** The quantity's row for cell (r, c). */
    int row(int r, int c) {
        return this == AS_IS ? r : c;
    }

    /** The quantity's column for cell (r, c). */
    int col(int r, int c) {
        return this == AS_IS ? c : r;
    }
}
