package gradbook.workbook;

import gradbook.audit.HandCell;
import gradbook.audit.HandValue;
import gradbook.core.Quantity;
import gradbook.core.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.CellValue;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;

/**
 * Reads a person's hand values: the workbook-scoped names {@code hand_<name>}, each over cells
 * of the quantity's shape or its transpose (a vector as a row or a column), where an empty cell
 * is not given. Names are matched without regard to case, as Excel matches them.
 */
public final class HandValueReader {
    private HandValueReader() {
    }

    /**
     * The hand values of {@code template}, judged against the quantities of {@code trace}.
     *
     * @throws TemplateException listing every hand name that cannot be read, with where it is
     */
    public static List<HandValue> read(Template template, Trace trace) throws TemplateException {
        FormulaEvaluator evaluator = template.workbook().getCreationHelper()
                .createFormulaEvaluator();
        TemplateCells kept = TemplateCells.of(template.workbook());
        List<HandValue> hands = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Name name : template.workbook().getAllNames()) {
            String defined = name.getNameName();
            if (name.getSheetIndex() != -1 || !defined.toLowerCase(Locale.ROOT)
                    .startsWith(HandValue.PREFIX)) {
                continue;
            }
            String quantity = quantityName(trace, defined.substring(HandValue.PREFIX.length()));
            String where = template.fileName() + ", name " + defined;
            AreaReference area = area(name);
            Sheet sheet = area == null ? null
                    : template.workbook().getSheet(area.getFirstCell().getSheetName());
            if (sheet == null) {
                problems.add(where + ": points at " + name.getRefersToFormula() + ", not at"
                        + " cells of this workbook; define " + defined + " over the cells that"
                        + " hold your value");
                continue;
            }
            CellReference first = area.getFirstCell();
            int rows = area.getLastCell().getRow() - first.getRow() + 1;
            int cols = area.getLastCell().getCol() - first.getCol() + 1;
            String problem = HandValue.problem(trace, quantity, rows, cols);
            if (problem != null) {
                problems.add(template.fileName() + ", " + new InputArea(defined,
                        sheet.getSheetName(), first.getRow(), first.getCol(), rows, cols, false)
                        .where() + ": " + problem);
                continue;
            }
            hands.add(new HandValue(quantity, cells(sheet, evaluator, kept, first, rows, cols)));
        }
        if (!problems.isEmpty()) {
            throw new TemplateException(problems);
        }
        return hands;
    }

    // Excel treats hand_de_dw_1 and hand_dE_dW_1 as one name.
    private static String quantityName(Trace trace, String name) {
        for (Quantity q : trace.quantities()) {
            if (q.name().equalsIgnoreCase(name)) {
                return q.name();
            }
        }
        return name;
    }

    private static AreaReference area(Name name) {
        String formula = name.getRefersToFormula();
        if (formula == null || formula.contains("#REF!")) {
            return null;
        }
        try {
            AreaReference ref = new AreaReference(formula, SpreadsheetVersion.EXCEL2007);
            return ref.getFirstCell().getSheetName() == null || ref.isWholeColumnReference()
                    ? null : ref;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static List<List<HandCell>> cells(Sheet sheet, FormulaEvaluator evaluator,
            TemplateCells kept, CellReference first, int rows, int cols) {
        List<List<HandCell>> cells = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            List<HandCell> row = new ArrayList<>();
            for (int j = 0; j < cols; j++) {
                int r = first.getRow() + i;
                int c = first.getCol() + j;
                String at = References.sheetPrefix(sheet.getSheetName())
                        + new CellReference(r, c).formatAsString();
                Cell cell = TemplateCells.cell(sheet, r, c);
                TemplateCells.Stored stored = cell == null ? kept.stored(sheet, r, c) : null;
                row.add(stored != null ? HandCell.number(at, stored.value())
                        : cell(cell, evaluator, at));
            }
            cells.add(row);
        }
        return cells;
    }

    private static HandCell cell(Cell cell, FormulaEvaluator evaluator, String at) {
        if (cell == null || cell.getCellType() == CellType.BLANK) {
            return HandCell.empty(at);
        }
        CellValue value;
        try {
            value = evaluator.evaluate(cell);
        } catch (RuntimeException e) {
            return HandCell.notANumber(at, "=" + cell.getCellFormula());
        }
        return switch (value.getCellType()) {
            case NUMERIC -> HandCell.number(at, value.getNumberValue());
            case STRING -> value.getStringValue().isBlank() ? HandCell.empty(at)
                    : HandCell.notANumber(at, value.getStringValue());
            case BOOLEAN -> HandCell.notANumber(at, Boolean.toString(value.getBooleanValue())
                    .toUpperCase(Locale.ROOT));
            case BLANK -> HandCell.empty(at);
            default -> HandCell.notANumber(at, value.formatAsString());
        };
    }
}
