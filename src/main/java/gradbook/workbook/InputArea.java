package gradbook.workbook;

import org.apache.poi.ss.util.CellReference;

/**
 * The cells a template's defined name points at, and how they map onto the quantity's entries.
 * A vector may be written as a row or a column; it is always a column in the core. Samples are
 * written one per row and are columns in the core, so such an area is the quantity transposed.
 * A name that holds its value itself (eta = 0.1, with no cell behind it) has no cells: its
 * entries are reached through the name.
 *
 * @param name the defined name, e.g. {@code W_0}
 * @param sheet the sheet the cells are on; for a name that holds a value, the sheet the name
 *     is defined on, or null for a workbook-scoped name
 * @param firstRow the 0-based row of the top-left cell
 * @param firstCol the 0-based column of the top-left cell
 * @param rows the area's height
 * @param cols the area's width
 * @param transposed true when the area is the quantity transposed: one row that holds a column
 *     vector, or samples written one per row
 * @param formula what the name holds when it holds a value rather than cells, else null
 * @param standard true for an optional number the template leaves out (an optimizer's
 *     hyper-parameter), whose default value {@code formula} writes as a number
 */
record InputArea(String name, String sheet, int firstRow, int firstCol, int rows, int cols,
        boolean transposed, String formula, boolean standard) {

    InputArea(String name, String sheet, int firstRow, int firstCol, int rows, int cols,
            boolean transposed, String formula) {
        this(name, sheet, firstRow, firstCol, rows, cols, transposed, formula, false);
    }

    InputArea(String name, String sheet, int firstRow, int firstCol, int rows, int cols,
            boolean transposed) {
        this(name, sheet, firstRow, firstCol, rows, cols, transposed, null);
    }

    /** The default {@code value} of the optional number {@code name}, which no name holds. */
    static InputArea standard(String name, double value) {
        return new InputArea(name, null, -1, -1, 1, 1, false,
                java.math.BigDecimal.valueOf(value).toPlainString(), true);
    }

    /** True when the name holds a value of its own instead of pointing at cells. */
    boolean holdsValue() {
        return formula != null;
    }

    /** The same area, read as the quantity transposed. */
    InputArea asTransposed() {
        return new InputArea(name, sheet, firstRow, firstCol, rows, cols, true, formula,
                standard);
    }

    /** The cell that holds entry (i, j) of the quantity. */
    CellReference cell(int i, int j) {
        if (holdsValue()) {
            throw new IllegalStateException(name + " holds a value, not cells");
        }
        return transposed
                ? new CellReference(sheet, firstRow + j, firstCol + i, true, true)
                : new CellReference(sheet, firstRow + i, firstCol + j, true, true);
    }

    /** Entry (i, j) as a formula on sheet {@code host} writes it: a cell, or the name. */
    String twin(String host, int i, int j) {
        if (!holdsValue()) {
            return References.from(host, cell(i, j));
        }
        if (standard) {
            return formula;
        }
        // A name defined on one sheet is out of reach from the generated sheets (and POI
        // cannot write Sheet!name), so its twin repeats what the name holds.
        String ref = sheet == null ? name : "(" + formula + ")";
        if (rows * cols == 1) {
            return ref;
        }
        int r = transposed ? j : i;
        int c = transposed ? i : j;
        return "INDEX(" + ref + "," + (r + 1) + "," + (c + 1) + ")";
    }

    /** Where the values came from, as the output says beside them. */
    String source() {
        if (standard) {
            return "the default: the template does not define " + name;
        }
        if (holdsValue()) {
            return "from the name " + name + ", which holds =" + formula + " (no cell behind"
                    + " it)";
        }
        return "from " + References.sheetPrefix(sheet) + range();
    }

    /** The area as a place in a message, e.g. "sheet Parameters, cells B6:C7 (range W_0)". */
    String where() {
        if (standard) {
            return "the default of " + name + " (=" + formula + ")";
        }
        if (holdsValue()) {
            return "name " + name + " (=" + formula + ")";
        }
        String cells = rows * cols == 1 ? "cell " + range() : "cells " + range();
        return "sheet " + sheet + ", " + cells + " (range " + name + ")";
    }

    private String range() {
        CellReference first = new CellReference(firstRow, firstCol);
        return rows * cols == 1 ? first.formatAsString()
                : first.formatAsString() + ":"
                        + new CellReference(firstRow + rows - 1, firstCol + cols - 1)
                                .formatAsString();
    }
}
