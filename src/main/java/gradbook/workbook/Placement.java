package gradbook.workbook;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;

/**
 * Where one quantity's three blocks stand on its sheet: the Java values, the formula twins and
 * their differences, side by side, each rows × cols, starting on row {@code top}.
 */
record Placement(String sheet, int top, int javaCol, int twinCol, int diffCol, int rows,
        int cols) {

    CellReference java(int i, int j) {
        return new CellReference(sheet, top + i, javaCol + j, false, false);
    }

    CellReference twin(int i, int j) {
        return new CellReference(sheet, top + i, twinCol + j, false, false);
    }

    CellReference difference(int i, int j) {
        return new CellReference(sheet, top + i, diffCol + j, false, false);
    }

    /** The Java block as a sheet-qualified absolute range, which its defined name points at. */
    String javaRange() {
        return References.sheetPrefix(sheet)
                + new CellRangeAddress(top, top + rows - 1, javaCol, javaCol + cols - 1)
                        .formatAsString(null, true);
    }

    /** Twin entries (i0..i1, j0..j1) as a range seen from {@code host}. */
    String twinRange(String host, int i0, int i1, int j0, int j1) {
        String range = new CellRangeAddress(top + i0, top + i1, twinCol + j0, twinCol + j1)
                .formatAsString();
        return sheet.equals(host) ? range : References.sheetPrefix(sheet) + range;
    }
}
