package gradbook.workbook;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;

/**
 * Where one quantity's three blocks stand on its sheet: the Java values, the formula twins and
 * their differences, side by side, starting on row {@code top}. {@code rows} × {@code cols} is
 * the quantity's shape in the core; a {@code transposed} quantity (a weight matrix's shape
 * under weight_layout out_by_in) is shown cols × rows, entry (i, j) in the cell of (j, i), so
 * that the sheet has the template's own layout while every caller keeps the core's indices.
 */
record Placement(String sheet, int top, int javaCol, int twinCol, int diffCol, int rows,
        int cols, boolean transposed) {

    CellReference java(int i, int j) {
        return cell(javaCol, i, j);
    }

    CellReference twin(int i, int j) {
        return cell(twinCol, i, j);
    }

    CellReference difference(int i, int j) {
        return cell(diffCol, i, j);
    }

    /** The height shown on the sheet. */
    int shownRows() {
        return transposed ? cols : rows;
    }

    /** The width shown on the sheet. */
    int shownCols() {
        return transposed ? rows : cols;
    }

    /** The Java block as a sheet-qualified absolute range, which its defined name points at. */
    String javaRange() {
        return References.sheetPrefix(sheet)
                + new CellRangeAddress(top, top + shownRows() - 1, javaCol,
                        javaCol + shownCols() - 1).formatAsString(null, true);
    }

    /** Twin entries (i0..i1, j0..j1), in the core's indices, as a range seen from {@code host}. */
    String twinRange(String host, int i0, int i1, int j0, int j1) {
        CellRangeAddress area = transposed
                ? new CellRangeAddress(top + j0, top + j1, twinCol + i0, twinCol + i1)
                : new CellRangeAddress(top + i0, top + i1, twinCol + j0, twinCol + j1);
        String range = area.formatAsString();
        return sheet.equals(host) ? range : References.sheetPrefix(sheet) + range;
    }

    private CellReference cell(int firstCol, int i, int j) {
        return transposed ? new CellReference(sheet, top + j, firstCol + i, false, false)
                : new CellReference(sheet, top + i, firstCol + j, false, false);
    }
}
