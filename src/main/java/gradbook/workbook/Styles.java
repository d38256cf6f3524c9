package gradbook.workbook;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.HashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The few cell styles the generated sheets use, made once per workbook, since a workbook holds
 * at most 64,000 styles.
 */
final class Styles {
    /** Significant digits shown, as the worked example prints its numbers. */
    static final int DIGITS = 6;

    private final XSSFWorkbook workbook;
    private final Map<String, CellStyle> numbers = new HashMap<>();
    final CellStyle title;
    final CellStyle label;
    final CellStyle note;
    final CellStyle header;
    final CellStyle difference;

    Styles(XSSFWorkbook workbook) {
        this.workbook = workbook;
        title = withFont(true, false, 14, IndexedColors.BLACK);
        label = withFont(true, false, 11, IndexedColors.BLACK);
        note = withFont(false, true, 10, IndexedColors.GREY_50_PERCENT);
        header = withFont(false, true, 10, IndexedColors.GREY_50_PERCENT);
        difference = workbook.createCellStyle();
        difference.setDataFormat(workbook.createDataFormat().getFormat("0.0E+00"));
        difference.setFont(font(false, false, 10, IndexedColors.GREY_50_PERCENT));
    }

    /** A style that shows {@code value} with six significant digits and keeps every digit. */
    CellStyle number(double value) {
        return numbers.computeIfAbsent(format(value), f -> {
            CellStyle s = workbook.createCellStyle();
            s.setDataFormat(workbook.createDataFormat().getFormat(f));
            return s;
        });
    }

    /**
     * The number format for six significant digits of {@code value}, without trailing zeros, as
     * the document prints them (0.029354, 0.0949121, 1, −0.5); scientific outside [1e−4, 1e6).
     */
    static String format(double value) {
        if (value == 0 || !Double.isFinite(value)) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(DIGITS))
                .stripTrailingZeros();
        double magnitude = Math.abs(rounded.doubleValue());
        if (magnitude >= 1e6 || magnitude < 1e-4) {
            int decimals = Math.max(0, rounded.precision() - 1);
            return decimals == 0 ? "0E+00" : "0." + "0".repeat(decimals) + "E+00";
        }
        int decimals = Math.max(0, rounded.scale());
        return decimals == 0 ? "0" : "0." + "0".repeat(decimals);
    }

    private CellStyle withFont(boolean bold, boolean italic, int points, IndexedColors color) {
        CellStyle s = workbook.createCellStyle();
        s.setFont(font(bold, italic, points, color));
        return s;
    }

    private Font font(boolean bold, boolean italic, int points, IndexedColors color) {
        Font f = workbook.createFont();
        f.setBold(bold);
        f.setItalic(italic);
        f.setFontHeightInPoints((short) points);
        f.setColor(color.getIndex());
        return f;
    }
}
