package gradbook.workbook;

import java.time.LocalDateTime;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.formula.eval.NotImplementedFunctionException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.CellValue;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;

/**
 * Reads one template cell as a number, or says what it holds instead.
 *
 * <p>A number typed as text is read when it is written the way a formula would write it
 * (" 0.5 " with a warning); the decimal separator is always '.', whatever the machine's
 * language, so that the same template gives the same numbers everywhere. A percentage is the
 * number it shows divided by 100, as spreadsheets store it. A date is refused, since a date
 * where a weight belongs is a formatting accident.
 */
final class CellReader {
    private static final Pattern NUMBER =
            Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?(%?)");
    private static final Pattern COMMA_DECIMAL = Pattern.compile("[+-]?\\d*,\\d+");

    private final String file;
    private final FormulaEvaluator evaluator;
    private final List<String> problems;
    private final List<String> warnings;
    private final TemplateCells kept;

    CellReader(String file, FormulaEvaluator evaluator, List<String> problems,
            List<String> warnings, TemplateCells kept) {
        this.file = file;
        this.kept = kept;
        this.evaluator = evaluator;
        this.problems = problems;
        this.warnings = warnings;
    }

    /** The number in row {@code r}, column {@code c}, or null after reporting a problem. */
    Double read(Sheet sheet, int r, int c, String range) {
        Cell cell = TemplateCells.cell(sheet, r, c);
        String where = file + ", sheet " + sheet.getSheetName() + ", cell "
                + new CellReference(r, c).formatAsString() + " (range " + range + ")";
        TemplateCells.Stored stored = cell == null ? kept.stored(sheet, r, c) : null;
        if (stored != null) {
            return number(stored.value(), stored.isDate(), where, "");
        }
        if (cell == null || cell.getCellType() == CellType.BLANK) {
            CellRangeAddress merged = mergedAround(sheet, r, c);
            problems.add(where + ": " + (merged == null ? "the cell is empty; type a number in it"
                    : "the cell is inside the merged cells " + merged.formatAsString()
                            + ", whose value is in " + new CellReference(merged.getFirstRow(),
                                    merged.getFirstColumn()).formatAsString()
                            + "; unmerge them and type a number in each cell"));
            return null;
        }
        boolean isFormula = cell.getCellType() == CellType.FORMULA;
        String formula = isFormula ? " from its formula =" + formulaText(cell) : "";
        CellValue value;
        try {
            value = evaluator.evaluate(cell);
        } catch (RuntimeException e) {
            problems.add(where + (isFormula
                    ? ": its formula =" + formulaText(cell) + " cannot be evaluated by gradbook ("
                            + reason(e) + "); replace it with its value"
                    : ": its value cannot be read (" + reason(e) + "); the file is damaged here:"
                            + " type the number again"));
            return null;
        }
        return switch (value.getCellType()) {
            case NUMERIC -> number(value.getNumberValue(),
                    Double.isFinite(value.getNumberValue()) && DateUtil.isCellDateFormatted(cell),
                    where, formula);
            case STRING -> text(value.getStringValue(), where, formula);
            case BOOLEAN -> refuse(where, "the truth value "
                    + (value.getBooleanValue() ? "TRUE" : "FALSE") + formula);
            case ERROR -> refuse(where, "the error " + errorText(value.getErrorValue())
                    + formula);
            default -> refuse(where, "nothing" + formula);
        };
    }

    private Double number(double v, boolean date, String where, String formula) {
        if (!Double.isFinite(v)) {
            return refuse(where, "the non-finite number " + v + formula);
        }
        if (date) {
            problems.add(where + ": expected a number but found the date " + date(v) + formula
                    + "; type the number, or set the cell's format to Number if it is one");
            return null;
        }
        return v;
    }

    private Double text(String s, String where, String formula) {
        String trimmed = trim(s);
        Matcher m = NUMBER.matcher(trimmed);
        if (m.matches()) {
            boolean percent = !m.group(3).isEmpty();
            String digits = percent ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
            double v = Double.parseDouble(digits) / (percent ? 100 : 1);
            if (Double.isFinite(v)) {
                warnings.add(where + ": the number is stored as the text \"" + s + "\"" + formula
                        + "; read it as " + v + "; type it as a number to silence this");
                return v;
            }
        }
        if (COMMA_DECIMAL.matcher(trimmed).matches()) {
            problems.add(where + ": expected a number but found the text \"" + s + "\"" + formula
                    + "; gradbook reads '.' as the decimal separator, whatever the machine's"
                    + " language: type " + trimmed.replace(',', '.') + " as a number");
            return null;
        }
        return refuse(where, "the text \"" + s + "\"" + formula);
    }

    private Double refuse(String where, String found) {
        problems.add(where + ": expected a number but found " + found + "; type a number in"
                + " the cell");
        return null;
    }

    // Non-breaking and other Unicode spaces count as spaces, as they do when a person looks.
    private static String trim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isSpace(char ch) {
        return Character.isWhitespace(ch) || Character.isSpaceChar(ch);
    }

    private static String formulaText(Cell cell) {
        try {
            return cell.getCellFormula();
        } catch (RuntimeException e) {
            return "(a formula that cannot be read)";
        }
    }

    private static CellRangeAddress mergedAround(Sheet sheet, int r, int c) {
        for (CellRangeAddress merged : sheet.getMergedRegions()) {
            if (merged.isInRange(r, c)) {
                return merged;
            }
        }
        return null;
    }

    private static String date(double serial) {
        LocalDateTime t = DateUtil.getLocalDateTime(serial);
        return t.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
                ? t.toLocalDate().toString() : t.toString();
    }

    private static String errorText(byte code) {
        try {
            return FormulaError.forInt(code).getString();
        } catch (IllegalArgumentException e) {
            return "#" + code;
        }
    }

    private static String reason(RuntimeException e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        if (t instanceof NotImplementedFunctionException f) {
            return "it cannot compute the function " + f.getFunctionName();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int newline = m.indexOf('\n');
        return newline < 0 ? m : m.substring(0, newline);
    }
}
