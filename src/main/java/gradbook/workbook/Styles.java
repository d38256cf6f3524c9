package gradbook.workbook;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.HashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTXf;

/**
 * The few cell styles the generated sheets use, made once per workbook, since a workbook holds
 * at most 64,000 styles. A workbook gradbook wrote before already holds them: they are taken
 * again, not made anew, since styles outlive the sheets that used them and a workbook
 * regenerated run after run would otherwise gather a copy of each every run.
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
        difference = style(formatId("0.0E+00"),
                font(false, false, 10, IndexedColors.GREY_50_PERCENT));
    }

    /** A style that shows {@code value} with six significant digits and keeps every digit. */
    CellStyle number(double value) {
        return numbers.computeIfAbsent(format(value), f -> style(formatId(f), null));
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
        return style(null, font(bold, italic, points, color));
    }

    /** A style that wraps its text. */
    CellStyle wrapped() {
        return style(new Look(null, null, null, true));
    }

    /** A style filled with {@code color}. */
    CellStyle filled(IndexedColors color) {
        return style(new Look(null, null, color, false));
    }

    private Short formatId(String pattern) {
        return workbook.createDataFormat().getFormat(pattern);
    }

    private CellStyle style(Short format, XSSFFont font) {
        return style(new Look(format, font, null, false));
    }

    /**
     * What a style of the generated sheets sets; null, or false, leaves the workbook's
     * default.
     */
    private record Look(Short format, XSSFFont font, IndexedColors fill, boolean wrap) {
        // True when {@code s} is the default style but for what this look sets, as made below.
        boolean is(XSSFCellStyle s) {
            CTXf xf = s.getCoreXf();
            return xf.getNumFmtId() == (format == null ? 0 : format)
                    && applies(xf.isSetApplyNumberFormat(), xf.getApplyNumberFormat(), format)
                    && xf.getFontId() == (font == null ? 0 : font.getIndex())
                    && applies(xf.isSetApplyFont(), xf.getApplyFont(), font)
                    && (fill == null ? xf.getFillId() == 0 : isFilled(s))
                    && applies(xf.isSetApplyFill(), xf.getApplyFill(), fill)
                    && (wrap ? isWrapped(s) : !xf.isSetAlignment())
                    && xf.getBorderId() == 0 && xf.getXfId() == 0
                    && !xf.isSetApplyBorder() && !xf.isSetApplyAlignment()
                    && !xf.isSetApplyProtection() && !xf.isSetProtection()
                    && !xf.isSetQuotePrefix() && !xf.isSetPivotButton() && !xf.isSetExtLst();
        }

        private static boolean applies(boolean isSet, boolean value, Object setting) {
            return setting == null ? !isSet : isSet && value;
        }

        private boolean isFilled(XSSFCellStyle s) {
            return s.getFillPattern() == FillPatternType.SOLID_FOREGROUND
                    && s.getFillForegroundColor() == fill.getIndex()
                    && s.getFillBackgroundXSSFColor() == null;
        }

        private static boolean isWrapped(XSSFCellStyle s) {
            return s.getWrapText() && s.getAlignment() == HorizontalAlignment.GENERAL
                    && s.getVerticalAlignment() == VerticalAlignment.BOTTOM
                    && s.getRotation() == 0 && s.getIndention() == 0 && !s.getShrinkToFit();
        }

        void applyTo(XSSFCellStyle s) {
            if (format != null) {
                s.setDataFormat(format);
            }
            if (font != null) {
                s.setFont(font);
            }
            if (fill != null) {
                s.setFillForegroundColor(fill.getIndex());
                s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            }
            if (wrap) {
                s.setWrapText(true);
            }
        }
    }

    // The workbook's first style of this look, or a new one.
    private CellStyle style(Look look) {
        for (int i = 0; i < workbook.getNumCellStyles(); i++) {
            XSSFCellStyle s = workbook.getCellStyleAt(i);
            if (look.is(s)) {
                return s;
            }
        }
        XSSFCellStyle s = workbook.createCellStyle();
        look.applyTo(s);
        return s;
    }

    // The workbook's first font equal to this one (POI compares what a font shows), or a new one.
    private XSSFFont font(boolean bold, boolean italic, int points, IndexedColors color) {
        XSSFFont wanted = new XSSFFont();
        describe(wanted, bold, italic, points, color);
        for (int i = 0; i < workbook.getNumberOfFonts(); i++) {
            if (workbook.getFontAt(i).equals(wanted)) {
                return workbook.getFontAt(i);
            }
        }
        XSSFFont f = workbook.createFont();
        describe(f, bold, italic, points, color);
        return f;
    }

    private static void describe(Font f, boolean bold, boolean italic, int points,
            IndexedColors color) {
        f.setBold(bold);
        f.setItalic(italic);
        f.setFontHeightInPoints((short) points);
        f.setColor(color.getIndex());
    }
}
