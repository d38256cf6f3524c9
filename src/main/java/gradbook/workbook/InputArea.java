package gradbook.workbook;

import org.apache.poi.ss.util.CellReference;

/**
 * The cells a template's defined name points at, and how they map onto the quantity's entries.
 * A vector may be written as a row or a column; it is always a column in the core.
 *
 * @param name the defined name, e.g. {@code W_0}
 * @param sheet the sheet the cells are on
 * @param firstRow the 0-based row of the top-left cell
 * @param firstCol the 0-based column of the top-left cell
 * @param rows the area's height
 * @param cols the area's width
 * @param vectorAsRow true when the area is one row that holds a column vector
 */
record InputArea(String name, String sheet, int firstRow, int firstCol, int rows, int cols,
        boolean vectorAsRow) {

    /** The cell that holds entry (i, j) of the quantity. */
    CellReference cell(int i, int j) {
        return vectorAsRow
                ? new CellReference(sheet, firstRow + j, firstCol + i, true, true)
                : new CellReference(sheet, firstRow + i, firstCol + j, true, true);
    }

    /** The area as a place in a message, e.g. "sheet Parameters, cells B6:C7 (range W_0)". */
    String where() {
        CellReference first = new CellReference(firstRow, firstCol);
        String cells = rows * cols == 1
                ? "cell " + first.formatAsString()
                : "cells " + first.formatAsString() + ":"
                        + new CellReference(firstRow + rows - 1, firstCol + cols - 1)
                                .formatAsString();
        return "sheet " + sheet + ", " + cells + " (range " + name + ")";
    }
}
