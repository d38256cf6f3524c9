package gradbook.workbook;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.ExcelNumberFormat;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The cells of a template as read: a cell held by POI, or a plain number that the opener kept
 * out of POI's model of a big sheet (see {@link ThinTemplate}), with its style. Every reader of
 * template cells looks through here, so that a thinned sheet reads as the full one would.
 *
 * <p>The thinned template's own parts, as they were in the file, are kept here too, compressed,
 * for {@link OriginalSheets} to put back into the written workbook. A workbook the opener did
 * not thin has no entry and reads straight from POI.
 */
final class TemplateCells {
    // Keyed by the workbook itself, so that a Template needs no new field; weak, so that a
    // workbook no longer used takes its numbers with it. No value refers back to its key.
    private static final Map<XSSFWorkbook, TemplateCells> THINNED =
            Collections.synchronizedMap(new WeakHashMap<>());
    private static final TemplateCells NONE = new TemplateCells(Map.of(), Map.of());

    /** The numbers taken out of each thinned worksheet, by part name (/xl/worksheets/…). */
    private final Map<String, Numbers> numbers;
    /** The original zip entry of each thinned worksheet, by entry name (xl/worksheets/…). */
    private final Map<String, OriginalSheets.Part> originals;

    TemplateCells(Map<String, Numbers> numbers, Map<String, OriginalSheets.Part> originals) {
        this.numbers = Map.copyOf(numbers);
        this.originals = Map.copyOf(originals);
    }

    /** What the opener kept out of {@code workbook}; empty for a workbook it did not thin. */
    static TemplateCells of(XSSFWorkbook workbook) {
        return THINNED.getOrDefault(workbook, NONE);
    }

    void register(XSSFWorkbook workbook) {
        THINNED.put(workbook, this);
    }

    /** The original part of a thinned worksheet, by zip entry name, or null. */
    OriginalSheets.Part original(String entryName) {
        return originals.get(entryName);
    }

    boolean isEmpty() {
        return originals.isEmpty();
    }

    /** A number kept out of POI, with the style its cell has. */
    record Stored(double value, XSSFCellStyle style) {
        /** True when the cell's format shows the number as a date, as POI's DateUtil judges. */
        boolean isDate() {
            return DateUtil.isValidExcelDate(value) && style != null
                    && DateUtil.isADateFormat(ExcelNumberFormat.from(style));
        }
    }

    /** POI's cell at row {@code r}, column {@code c}, or null when there is none. */
    static Cell cell(Sheet sheet, int r, int c) {
        Row row = sheet.getRow(r);
        return row == null ? null : row.getCell(c);
    }

    /** The number kept out of POI at row {@code r}, column {@code c}, or null. */
    Stored stored(Sheet sheet, int r, int c) {
        if (numbers.isEmpty() || !(sheet instanceof XSSFSheet x)) {
            return null;
        }
        Numbers kept = numbers.get(x.getPackagePart().getPartName().getName());
        int at = kept == null ? -1 : kept.indexOf(r, c);
        if (at < 0) {
            return null;
        }
        // As XSSFCell.getCellStyle finds a cell's style.
        StylesTable styles = x.getWorkbook().getStylesSource();
        XSSFCellStyle style = styles.getNumCellStyles() > 0 ? styles.getStyleAt(kept.style(at))
                : null;
        return new Stored(kept.value(at), style);
    }

    /**
     * The plain numbers of one worksheet, in reading order: a key of row and column, the value
     * and the style index in three arrays, about 20 bytes a number where POI takes hundreds.
     */
    static final class Numbers {
        private long[] keys = new long[64];
        private double[] values = new double[64];
        private int[] styles = new int[64];
        private int size;

        /** Adds a number; cells come in reading order, each after the one before. */
        void add(int row, int col, double value, int style) {
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                values = Arrays.copyOf(values, size * 2);
                styles = Arrays.copyOf(styles, size * 2);
            }
            keys[size] = key(row, col);
            values[size] = value;
            styles[size] = style;
            size++;
        }

        int size() {
            return size;
        }

        int indexOf(int row, int col) {
            return Arrays.binarySearch(keys, 0, size, key(row, col));
        }

        double value(int at) {
            return values[at];
        }

        int style(int at) {
            return styles[at];
        }

        // Rows below 2^20 and columns below 2^14 in any .xlsx: the key orders by row, then column.
        private static long key(int row, int col) {
            return ((long) row << 16) | col;
        }
    }
}
