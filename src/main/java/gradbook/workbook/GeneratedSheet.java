package gradbook.workbook;

import java.io.IOException;
import java.util.BitSet;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * A sheet gradbook generates, written row by row through POI's streaming writer, so that only
 * the last {@value #ROWS_IN_MEMORY} rows are held in memory however large the network. A row
 * once left behind is on disk and cannot be read or written again, so the writers go top to
 * bottom, and this class remembers what print layout needs of the rows written: which rows
 * hold something and how far right and down the cells reach.
 *
 * <p>Charts go on the sheet under the streaming one ({@link #drawn()}), which holds no cells.
 */
final class GeneratedSheet {
    /**
     * Rows kept in memory: the writers never go back more than a row (to the label a comment
     * is attached to), so a few suffice; more would only hold more cells of a wide layer.
     */
    static final int ROWS_IN_MEMORY = 16;

    private final SXSSFSheet sheet;
    private final XSSFSheet drawn;
    /** The rows that hold a cell. */
    private final BitSet filled = new BitSet();
    private int firstCol = Integer.MAX_VALUE;
    private int lastCol = -1;
    /** The sheet's label comments, made with its first. */
    private LabelComments comments;

    private GeneratedSheet(SXSSFSheet sheet, XSSFSheet drawn) {
        this.sheet = sheet;
        this.drawn = drawn;
    }

    /** A new sheet {@code name} at the end of {@code workbook}. */
    static GeneratedSheet create(SXSSFWorkbook workbook, String name) {
        return of(workbook, workbook.createSheet(name));
    }

    /**
     * As {@link #create}, the sheet's strings written in its cells, not held in memory in the
     * shared strings table (see {@link StreamingWorkbook#createSheetOfInlineStrings}).
     */
    static GeneratedSheet createOfInlineStrings(StreamingWorkbook workbook, String name) {
        return of(workbook, workbook.createSheetOfInlineStrings(name));
    }

    private static GeneratedSheet of(SXSSFWorkbook workbook, SXSSFSheet sheet) {
        return new GeneratedSheet(sheet, workbook.getXSSFWorkbook().getSheet(
                sheet.getSheetName()));
    }

    /** The sheet to lay out: column widths, print setup, panes. */
    Sheet sheet() {
        return sheet;
    }

    /** The same sheet as XSSF holds it, for its drawing (charts); it holds no cells. */
    XSSFSheet drawn() {
        return drawn;
    }

    /** A new cell at row {@code r}, column {@code c}; {@code r} may not be a row left behind. */
    Cell cell(int r, int c) {
        Row row = sheet.getRow(r);
        if (row == null) {
            row = sheet.createRow(r);
        }
        filled.set(r);
        firstCol = Math.min(firstCol, c);
        lastCol = Math.max(lastCol, c);
        return row.createCell(c);
    }

    /** Attaches {@code text} to {@code cell}, a cell of this sheet, as a label comment. */
    void comment(Cell cell, String text) {
        if (comments == null) {
            comments = new LabelComments(sheet);
        }
        comments.attach(cell, text);
    }

    /** The row {@code r} to set its height, while it is still in memory. */
    Row row(int r) {
        return sheet.getRow(r);
    }

    /** True when row {@code r} holds a cell. */
    boolean isFilled(int r) {
        return filled.get(r);
    }

    /** The last row that holds a cell, or -1. */
    int lastRow() {
        return filled.length() - 1;
    }

    /** The last column that holds a cell, or -1. */
    int lastColumn() {
        return lastCol;
    }

    /**
     * Writes the rows still in memory to the sheet's temporary file and gives the sheet the
     * dimension of its cells. Each sheet is finished before the next is begun, so that the
     * strings go into the shared strings table in the order of the sheets and rows, the same
     * on every run (POI would otherwise flush the remaining rows in the order of a hash map).
     */
    void finish() throws IOException {
        sheet.flushRows();
        if (lastCol >= 0) {
            drawn.setDimensionOverride(new CellRangeAddress(filled.nextSetBit(0), lastRow(),
                    firstCol, lastCol));
        }
    }
}
