package gradbook.workbook;

import org.apache.poi.ss.util.CellReference;

/** Cell references as formulas write them, qualified with a sheet only when they need it. */
final class References {
    private References() {
    }

    /** "'Sheet name'!", with any apostrophe in the name doubled, as formulas quote it. */
    static String sheetPrefix(String sheet) {
        return "'" + sheet.replace("'", "''") + "'!";
    }

    /** The cell as seen from a formula on sheet {@code host}. */
    static String from(String host, CellReference cell) {
        String local = new CellReference(cell.getRow(), cell.getCol(), cell.isRowAbsolute(),
                cell.isColAbsolute()).formatAsString();
        return host.equals(cell.getSheetName()) ? local : sheetPrefix(cell.getSheetName()) + local;
    }
}
