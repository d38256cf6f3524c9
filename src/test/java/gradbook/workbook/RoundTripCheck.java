package gradbook.workbook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * What a real program must give back after recalculating one of our workbooks: each formula twin
 * equal to its Java value, no error in any cell, and every defined name over the same cells.
 *
 * <p>Twins are found as a reader finds them: on the row above the values, the header "Java" (or
 * "…, Java") heads the Java block, and the next header "formula" (or "…, formula") to its right
 * heads the twins at the same offset.
 */
final class RoundTripCheck {
    /** How close a recalculated twin must be to its Java value, relative to that value. */
    static final double RELATIVE = 1e-9;

    private static final Set<String> ERROR_TEXTS = Set.of("#NULL!", "#DIV/0!", "#VALUE!",
            "#REF!", "#NAME?", "#NUM!", "#N/A");

    private RoundTripCheck() {
    }

    /**
     * A Java value and its twin, as a program recalculated it, judged relative to {@code scale}:
     * the size of the value, or of the numbers it is computed from where those cancel.
     */
    record Pair(String sheet, CellReference java, CellReference twin, double javaValue,
            double twinValue, boolean twinIsFormula, double scale) {

        Pair withScale(double larger) {
            return new Pair(sheet, java, twin, javaValue, twinValue, twinIsFormula, larger);
        }

        double tolerance() {
            return RELATIVE * scale;
        }

        boolean agrees() {
            return twinIsFormula && Math.abs(twinValue - javaValue) <= tolerance();
        }

        String describe() {
            if (!twinIsFormula) {
                return where() + ": the twin is no longer a formula";
            }
            return String.format("%s: expected %s but was %s (tolerance %.3g, difference %.3g)",
                    where(), javaValue, twinValue, tolerance(), twinValue - javaValue);
        }

        private String where() {
            return "sheet " + sheet + ", twin " + twin.formatAsString(false) + " of Java "
                    + java.formatAsString(false);
        }
    }

    static XSSFWorkbook open(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    /** Every Java value on the given sheets paired with its twin. */
    static List<Pair> pairs(Workbook workbook, List<String> sheets) {
        List<Pair> pairs = new ArrayList<>();
        for (String name : sheets) {
            Sheet sheet = workbook.getSheet(name);
            if (sheet == null) {
                throw new AssertionError("expected a sheet named " + name + " but found none");
            }
            for (Row row : sheet) {
                for (Cell header : row) {
                    if (isHeader(header, "Java")) {
                        Cell twinHeader = nextHeader(row, header.getColumnIndex(), "formula");
                        if (twinHeader != null) {
                            pairBlock(sheet, header, twinHeader, pairs);
                        }
                    }
                }
            }
        }
        return pairs;
    }

    private static boolean isHeader(Cell cell, String word) {
        if (cell.getCellType() != CellType.STRING) {
            return false;
        }
        String text = cell.getStringCellValue();
        return text.equals(word) || text.endsWith(", " + word);
    }

    private static Cell nextHeader(Row row, int after, String word) {
        for (int c = after + 1; c <= row.getLastCellNum(); c++) {
            Cell cell = row.getCell(c);
            if (cell != null && isHeader(cell, word)) {
                return cell;
            }
        }
        return null;
    }

    // The block runs down from below the header while its first column holds numbers, and right
    // while a row holds numbers, but never into the twin block.
    private static void pairBlock(Sheet sheet, Cell javaHeader, Cell twinHeader,
            List<Pair> pairs) {
        int c0 = javaHeader.getColumnIndex();
        int offset = twinHeader.getColumnIndex() - c0;
        for (int r = javaHeader.getRowIndex() + 1; isNumber(sheet, r, c0); r++) {
            for (int c = c0; c < c0 + offset && isNumber(sheet, r, c); c++) {
                Cell java = sheet.getRow(r).getCell(c);
                Cell twin = sheet.getRow(r).getCell(c + offset);
                boolean formula = twin != null && twin.getCellType() == CellType.FORMULA
                        && twin.getCachedFormulaResultType() == CellType.NUMERIC;
                pairs.add(new Pair(sheet.getSheetName(), new CellReference(java),
                        new CellReference(r, c + offset), java.getNumericCellValue(),
                        formula ? twin.getNumericCellValue() : Double.NaN, formula,
                        Math.abs(java.getNumericCellValue())));
            }
        }
    }

    private static boolean isNumber(Sheet sheet, int r, int c) {
        Row row = sheet.getRow(r);
        Cell cell = row == null ? null : row.getCell(c);
        return cell != null && cell.getCellType() == CellType.NUMERIC;
    }

    /** Every formula cell of {@code sheets}, sheet by sheet, row by row. */
    static List<Cell> formulaCells(Iterable<? extends Sheet> sheets) {
        List<Cell> cells = new ArrayList<>();
        for (Sheet sheet : sheets) {
            for (Row row : sheet) {
                for (Cell cell : row) {
                    if (cell.getCellType() == CellType.FORMULA) {
                        cells.add(cell);
                    }
                }
            }
        }
        return cells;
    }

    /** The pair of {@code before}'s twin in another copy of the workbook. */
    static Pair sameTwin(Path file, Pair before) throws IOException {
        try (XSSFWorkbook wb = open(file)) {
            return pairs(wb, List.of(before.sheet())).stream()
                    .filter(p -> p.twin().equals(before.twin())).findFirst()
                    .orElseThrow(() -> new AssertionError("expected a twin at "
                            + before.twin().formatAsString(false) + " in " + file));
        }
    }

    /** The text of each label in column A that carries a comment, and the comment's text. */
    static Map<String, String> labelComments(Workbook workbook, List<String> sheets) {
        Map<String, String> comments = new TreeMap<>();
        for (String name : sheets) {
            for (Row row : workbook.getSheet(name)) {
                Cell label = row.getCell(0);
                if (label != null && label.getCellComment() != null) {
                    comments.put(label.getStringCellValue(),
                            label.getCellComment().getString().getString());
                }
            }
        }
        return comments;
    }

    /** Every pair whose twin differs from its Java value, described. */
    static List<String> mismatches(List<Pair> pairs) {
        return pairs.stream().filter(p -> !p.agrees()).map(Pair::describe).toList();
    }

    /** Every cell, on any sheet, that holds an error value or an error's text. */
    static List<String> errorCells(Workbook workbook) {
        List<String> problems = new ArrayList<>();
        for (Sheet sheet : workbook) {
            for (Row row : sheet) {
                for (Cell cell : row) {
                    String error = error(cell);
                    if (error != null) {
                        problems.add("sheet " + sheet.getSheetName() + ", cell "
                                + new CellReference(cell).formatAsString(false) + ": " + error);
                    }
                }
            }
        }
        return problems;
    }

    private static String error(Cell cell) {
        try {
            CellType type = cell.getCellType() == CellType.FORMULA
                    ? cell.getCachedFormulaResultType() : cell.getCellType();
            return switch (type) {
                case ERROR -> "holds the error " + errorText(cell);
                case STRING -> {
                    String text = cell.getStringCellValue();
                    yield ERROR_TEXTS.contains(text) || text.startsWith("Err:")
                            ? "holds the error text " + text : null;
                }
                default -> null;
            };
        } catch (RuntimeException e) {
            return "cannot be read (" + e.getMessage() + ")";
        }
    }

    private static String errorText(Cell cell) {
        if (cell instanceof org.apache.poi.xssf.usermodel.XSSFCell x) {
            return x.getErrorCellString();
        }
        return Byte.toString(cell.getErrorCellValue());
    }

    /**
     * Every defined name of {@code before} (print areas and titles too) that {@code after} lacks,
     * or has over other cells; each map as {@link #names} gives it.
     */
    static List<String> nameMismatches(Map<String, String> before, Map<String, String> after) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> e : before.entrySet()) {
            String now = after.get(e.getKey());
            if (now == null) {
                problems.add("name " + e.getKey() + ": expected it over " + e.getValue()
                        + " but it is gone");
            } else if (!now.equals(e.getValue())) {
                problems.add("name " + e.getKey() + ": expected it over " + e.getValue()
                        + " but it points at " + now);
            }
        }
        return problems;
    }

    /**
     * Each name, keyed by its scope and name (e.g. "x", "Network!_xlnm.Print_Area"), as the cells
     * it covers.
     */
    static Map<String, String> names(Workbook workbook) {
        Map<String, String> names = new TreeMap<>();
        for (Name name : workbook.getAllNames()) {
            String scope = name.getSheetIndex() < 0 ? ""
                    : workbook.getSheetName(name.getSheetIndex()) + "!";
            names.put(scope + name.getNameName(), cells(name.getRefersToFormula()));
        }
        return names;
    }

    /**
     * The cells a name's formula covers, written one way: 'First Layer'!$B$5:$B$6 and
     * First Layer!B5:B6 give the same, and so do Network!$1:$1 and Network!$A$1:$XFD$1; the
     * areas of a union are sorted.
     */
    static String cells(String formula) {
        if (formula == null) {
            return "nothing";
        }
        List<String> areas = new ArrayList<>();
        for (String part : formula.split(",(?=(?:[^']*'[^']*')*[^']*$)")) {
            areas.add(area(part.trim()));
        }
        areas.sort(null);
        return String.join(",", areas);
    }

    private static String area(String part) {
        try {
            AreaReference area = new AreaReference(part, SpreadsheetVersion.EXCEL2007);
            CellReference first = area.getFirstCell();
            CellReference last = area.getLastCell();
            int r1 = first.getRow();
            int r2 = last.getRow();
            int c1 = first.getCol();
            int c2 = last.getCol();
            if (r1 < 0) {
                r1 = 0;
                r2 = SpreadsheetVersion.EXCEL2007.getLastRowIndex();
            }
            if (c1 < 0) {
                c1 = 0;
                c2 = SpreadsheetVersion.EXCEL2007.getLastColumnIndex();
            }
            return first.getSheetName() + "!" + new CellReference(r1, c1).formatAsString()
                    + ":" + new CellReference(r2, c2).formatAsString();
        } catch (RuntimeException e) {
            return part;
        }
    }

    /** Fails, listing every problem, unless there are none. */
    static void assertNone(String what, List<String> problems) {
        if (!problems.isEmpty()) {
            throw new AssertionError(what + ": expected no problems but found "
                    + problems.size() + ":\n  " + String.join("\n  ", problems));
        }
    }

    /** Fails unless every Java value of {@code g} has a twin that {@code program} agreed with. */
    static void assertTwinsAgree(Generated g, Path recalculated, String program)
            throws IOException {
        List<Pair> pairs;
        try (XSSFWorkbook wb = open(recalculated)) {
            Map<String, Double> scales = estimateScales(wb, g);
            pairs = pairs(wb, g.sheets()).stream().map(p -> {
                Double scale = scales.get(key(p.java()));
                return scale == null ? p : p.withScale(scale);
            }).toList();
        }
        if (pairs.size() != g.javaValues()) {
            throw new AssertionError(g + " recalculated by " + program + ": expected "
                    + g.javaValues() + " Java values beside a twin but found " + pairs.size());
        }
        assertNone(g + " recalculated by " + program, mismatches(pairs));
    }

    // A central difference fd_… divides a difference of two losses by 2h, so it carries E's
    // rounding magnified by 1/h, and so does fd_diff_… computed from it: these are judged
    // against the error scale of the numbers they come from (see ErrorScales), by Java cell.
    private static Map<String, Double> estimateScales(Workbook wb, Generated g) {
        ErrorScales scales = new ErrorScales(g.trace());
        Map<String, Double> byCell = new java.util.HashMap<>();
        for (var q : g.trace().quantities()) {
            Name name = wb.getName(q.name());
            if (!q.name().startsWith("fd_") || name == null) {
                continue;
            }
            AreaReference area = new AreaReference(name.getRefersToFormula(),
                    SpreadsheetVersion.EXCEL2007);
            CellReference first = area.getFirstCell();
            // A weight's shape shown output × input (weight_layout out_by_in) is transposed.
            boolean transposed = area.getLastCell().getRow() - first.getRow() + 1
                    != q.value().rows();
            for (int i = 0; i < q.value().rows(); i++) {
                for (int j = 0; j < q.value().cols(); j++) {
                    byCell.put(key(new CellReference(first.getSheetName(),
                            first.getRow() + (transposed ? j : i),
                            first.getCol() + (transposed ? i : j), false, false)),
                            scales.of(q.name(), i, j));
                }
            }
        }
        return byCell;
    }

    private static String key(CellReference cell) {
        return cell.getSheetName() + "!" + cell.getRow() + "," + cell.getCol();
    }

    /** Fails if any cell of the recalculated workbook holds an error. */
    static void assertNoErrors(Generated g, Path recalculated, String program)
            throws IOException {
        try (XSSFWorkbook wb = open(recalculated)) {
            assertNone(g + " recalculated by " + program, errorCells(wb));
        }
    }

    /** Fails unless every defined name of {@code g} covers the same cells in {@code after}. */
    static void assertNamesKept(Generated g, Map<String, String> after, String program)
            throws IOException {
        try (XSSFWorkbook before = open(g.file())) {
            assertNone(g + " read by " + program, nameMismatches(names(before), after));
        }
    }
}
