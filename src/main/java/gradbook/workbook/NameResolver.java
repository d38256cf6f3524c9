package gradbook.workbook;

import gradbook.core.Matrix;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.formula.FormulaParser;
import org.apache.poi.ss.formula.FormulaType;
import org.apache.poi.ss.formula.TwoDEval;
import org.apache.poi.ss.formula.WorkbookEvaluator;
import org.apache.poi.ss.formula.eval.BoolEval;
import org.apache.poi.ss.formula.eval.ErrorEval;
import org.apache.poi.ss.formula.eval.NumberEval;
import org.apache.poi.ss.formula.eval.RefEval;
import org.apache.poi.ss.formula.eval.StringEval;
import org.apache.poi.ss.formula.eval.ValueEval;
import org.apache.poi.ss.formula.ptg.AreaErrPtg;
import org.apache.poi.ss.formula.ptg.AreaPtgBase;
import org.apache.poi.ss.formula.ptg.DeletedArea3DPtg;
import org.apache.poi.ss.formula.ptg.DeletedRef3DPtg;
import org.apache.poi.ss.formula.ptg.ErrPtg;
import org.apache.poi.ss.formula.ptg.IntPtg;
import org.apache.poi.ss.formula.ptg.MemAreaPtg;
import org.apache.poi.ss.formula.ptg.NumberPtg;
import org.apache.poi.ss.formula.ptg.Ptg;
import org.apache.poi.ss.formula.ptg.Pxg;
import org.apache.poi.ss.formula.ptg.RefErrorPtg;
import org.apache.poi.ss.formula.ptg.RefPtgBase;
import org.apache.poi.ss.formula.ptg.UnionPtg;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFEvaluationWorkbook;
import org.apache.poi.xssf.usermodel.XSSFName;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * What a parameter's defined name holds: a block of cells of this workbook, or a value of its
 * own (a constant such as eta = 0.1 with no cell behind it, or a formula), or something
 * gradbook cannot use, with the message that says so.
 */
final class NameResolver {
    /** More cells than any network whose every entry gradbook lays out in a sheet. */
    static final int MAX_CELLS = 1 << 20;
    // '[' starts a reference to another workbook, e.g. [1]Sheet1!A1 or '[Book2.xlsx]S'!A1;
    // in a table reference such as Table1[Col] it follows a letter.
    private static final Pattern EXTERNAL = Pattern.compile("(^|[^\\p{L}\\p{N}_.])'?\\[");
    private static final Pattern COMMA_DECIMAL = Pattern.compile("[+-]?\\d+,\\d+");

    sealed interface Target permits Cells, Value, Problem {
    }

    /** The name points at this block of cells. */
    record Cells(String sheet, int firstRow, int firstCol, int rows, int cols)
            implements Target {
    }

    /** The name holds this value itself; {@code formula} is what the name holds. */
    record Value(Matrix value, String formula) implements Target {
    }

    /** The name cannot be used; {@code message} says why and how to fix it. */
    record Problem(String message) implements Target {
    }

    private final XSSFWorkbook workbook;
    private final WorkbookEvaluator evaluator;

    NameResolver(XSSFWorkbook workbook, WorkbookEvaluator evaluator) {
        this.workbook = workbook;
        this.evaluator = evaluator;
    }

    /** Resolves {@code name}, the parameter {@code key}; problems begin with {@code where}. */
    Target resolve(XSSFName name, String key, String where) {
        String formula = name.getRefersToFormula();
        if (formula == null || formula.isBlank()) {
            return problem(where, "points at nothing; define " + key + " over the cells that"
                    + " hold it");
        }
        if (formula.contains("#REF!")) {
            return refError(where, key, formula);
        }
        if (EXTERNAL.matcher(formula).find()) {
            return otherWorkbook(where, key, formula);
        }
        Ptg[] ptgs;
        try {
            ptgs = FormulaParser.parse(formula, XSSFEvaluationWorkbook.create(workbook),
                    FormulaType.NAMEDRANGE, name.getSheetIndex());
        } catch (RuntimeException e) {
            return problem(where, "holds =" + formula + ", which cannot be read ("
                    + e.getMessage() + "); define " + key + " over the cells that hold it");
        }
        for (Ptg p : ptgs) {
            if (p instanceof ErrPtg || p instanceof RefErrorPtg || p instanceof AreaErrPtg
                    || p instanceof DeletedRef3DPtg || p instanceof DeletedArea3DPtg) {
                return refError(where, key, formula);
            }
            if (p instanceof Pxg x && x.getExternalWorkbookNumber() > 0) {
                return otherWorkbook(where, key, formula);
            }
        }
        if (Arrays.stream(ptgs).anyMatch(p -> p instanceof UnionPtg)) {
            return union(where, key, formula, ptgs);
        }
        if (ptgs.length == 1 && (ptgs[0] instanceof RefPtgBase || ptgs[0] instanceof AreaPtgBase)) {
            return cells(name, key, where, formula, ptgs[0]);
        }
        return evaluate(name, key, where, formula);
    }

    private Target cells(XSSFName name, String key, String where, String formula, Ptg ptg) {
        String sheet = ptg instanceof Pxg x ? x.getSheetName()
                : name.getSheetIndex() >= 0 ? name.getSheetName() : null;
        if (sheet == null) {
            return problem(where, "points at " + formula + " without saying on which sheet;"
                    + " define " + key + " again, choosing the cells on their sheet");
        }
        if (workbook.getSheet(sheet) == null) {
            return problem(where, "points at " + formula + ", but this workbook has no sheet "
                    + sheet + "; define " + key + " over cells of this workbook");
        }
        int r0;
        int c0;
        int r1;
        int c1;
        if (ptg instanceof AreaPtgBase a) {
            r0 = a.getFirstRow();
            c0 = a.getFirstColumn();
            r1 = a.getLastRow();
            c1 = a.getLastColumn();
        } else {
            RefPtgBase r = (RefPtgBase) ptg;
            r0 = r.getRow();
            c0 = r.getColumn();
            r1 = r0;
            c1 = c0;
        }
        SpreadsheetVersion v = SpreadsheetVersion.EXCEL2007;
        boolean wholeColumn = r0 == 0 && r1 == v.getLastRowIndex();
        boolean wholeRow = c0 == 0 && c1 == v.getLastColumnIndex();
        if (wholeColumn || wholeRow) {
            return problem(where, "points at " + formula + ", a whole "
                    + (wholeColumn ? "column" : "row") + "; define " + key + " over just the"
                    + " cells that hold it");
        }
        long size = (long) (r1 - r0 + 1) * (c1 - c0 + 1);
        if (size > MAX_CELLS) {
            return problem(where, "points at " + formula + ", " + size + " cells, more than"
                    + " gradbook can lay out; define " + key + " over just the cells that hold"
                    + " it");
        }
        return new Cells(workbook.getSheet(sheet).getSheetName(), r0, c0, r1 - r0 + 1,
                c1 - c0 + 1);
    }

    // A name may hold a value itself: Excel's Name Manager accepts "=0.1" or "=2*Params!B2".
    private Target evaluate(XSSFName name, String key, String where, String formula) {
        if (workbook.getNumberOfSheets() == 0) {
            return problem(where, "holds =" + formula + " but the workbook has no sheet");
        }
        int context = Math.max(name.getSheetIndex(), 0);
        ValueEval v;
        try {
            v = evaluator.evaluate(formula,
                    new CellReference(workbook.getSheetName(context), 0, 0, false, false));
        } catch (RuntimeException e) {
            return problem(where, "holds the formula =" + formula + ", which gradbook cannot"
                    + " evaluate (" + e.getMessage() + "); define " + key + " over cells that"
                    + " hold numbers");
        }
        if (v instanceof RefEval r) {
            v = r.getInnerValueEval(r.getFirstSheetIndex());
        }
        if (v instanceof TwoDEval area && !(v instanceof RefEval)) {
            return array(area, key, where, formula);
        }
        String found = describe(v);
        if (found != null) {
            return problem(where, "holds =" + formula + ", which gives " + found + " rather"
                    + " than a number; make " + key + " a number or the cells that hold it");
        }
        double d = ((NumberEval) v).getNumberValue();
        return new Value(Matrix.filled(1, 1, d), formula);
    }

    private Target array(TwoDEval area, String key, String where, String formula) {
        if ((long) area.getHeight() * area.getWidth() > MAX_CELLS) {
            return problem(where, "holds =" + formula + ", more values than gradbook can lay"
                    + " out");
        }
        double[][] values = new double[area.getHeight()][area.getWidth()];
        for (int i = 0; i < area.getHeight(); i++) {
            for (int j = 0; j < area.getWidth(); j++) {
                ValueEval e = area.getValue(i, j);
                String found = describe(e);
                if (found != null) {
                    return problem(where, "holds =" + formula + ", whose entry (" + (i + 1)
                            + ", " + (j + 1) + ") is " + found + " rather than a number; make"
                            + " every entry of " + key + " a number");
                }
                values[i][j] = ((NumberEval) e).getNumberValue();
            }
        }
        return new Value(Matrix.of(values), formula);
    }

    /** What {@code v} is when it is not a finite number, or null when it is one. */
    private static String describe(ValueEval v) {
        if (v instanceof NumberEval n) {
            return Double.isFinite(n.getNumberValue()) ? null
                    : "the non-finite number " + n.getNumberValue();
        }
        if (v instanceof StringEval s) {
            return "the text \"" + s.getStringValue() + "\"";
        }
        if (v instanceof BoolEval b) {
            return "the truth value " + (b.getBooleanValue() ? "TRUE" : "FALSE");
        }
        if (v instanceof ErrorEval e) {
            return "the error " + e.getErrorString();
        }
        return "nothing";
    }

    // "0,5" typed where a number was meant parses as the union of 0 and 5.
    private Target union(String where, String key, String formula, Ptg[] ptgs) {
        boolean numbersOnly = Arrays.stream(ptgs).allMatch(p -> p instanceof IntPtg
                || p instanceof NumberPtg || p instanceof UnionPtg || p instanceof MemAreaPtg);
        if (numbersOnly && COMMA_DECIMAL.matcher(formula.trim()).matches()) {
            return problem(where, "holds =" + formula + ", where ',' separates areas, not"
                    + " decimals; gradbook reads '.' as the decimal separator whatever the"
                    + " machine's language: write =" + formula.trim().replace(',', '.'));
        }
        return problem(where, "points at several areas (" + formula + "); define " + key
                + " over one rectangular block of cells");
    }

    private static Target refError(String where, String key, String formula) {
        return problem(where, "points at " + formula + ", cells that were deleted; define "
                + key + " again over the cells that hold it");
    }

    private static Target otherWorkbook(String where, String key, String formula) {
        return problem(where, "points at another workbook (" + formula + "); gradbook reads"
                + " only this file: copy the values into this workbook and define " + key
                + " over them");
    }

    private static Problem problem(String where, String message) {
        return new Problem(where + ": " + message);
    }
}
