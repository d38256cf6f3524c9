package gradbook.workbook;

import gradbook.audit.Audit;
import gradbook.audit.EntryAudit;
import gradbook.audit.QuantityAudit;
import gradbook.audit.Tolerance;
import gradbook.audit.Verdict;
import java.io.IOException;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The Audit sheet: one row per entry of each hand value, with the hand value, the computed
 * value, their difference and the verdict, and for a wrong quantity the causes that fit it; one
 * row for a hand value left empty.
 */
final class AuditSheet {
    static final String NAME = "Audit";
    static final List<String> HEADERS = List.of("quantity", "name", "position", "cell",
            "hand value", "computed", "hand − computed", "verdict",
            "cause (judged for the whole quantity)");
    // Narrow enough to print landscape at a readable size; the causes wrap in their column.
    private static final int[] WIDTHS = {10, 12, 8, 18, 11, 11, 16, 10, 46};
    private static final int CAUSE = 8;

    private AuditSheet() {
    }

    static void write(StreamingWorkbook streaming, Styles styles, Audit audit, String source)
            throws TemplateException, IOException {
        XSSFWorkbook workbook = streaming.getXSSFWorkbook();
        if (workbook.getSheet(NAME) != null) {
            throw new TemplateException(source + ", sheet " + NAME + ": the template has a sheet"
                    + " of the name gradbook gives the audit of hand values; rename it");
        }
        // A row per entry of every hand value, each naming its own cell: kept out of the shared
        // strings, which stay in memory until the workbook is written.
        GeneratedSheet sheet = GeneratedSheet.createOfInlineStrings(streaming, NAME);
        WorkbookWriter.text(sheet, 0, 0, "Audit of the hand values", styles.title);
        int row = 2;
        for (String line : summary(audit)) {
            WorkbookWriter.text(sheet, row++, 0, line, null);
        }
        row++;
        for (int c = 0; c < HEADERS.size(); c++) {
            WorkbookWriter.text(sheet, row, c, HEADERS.get(c), styles.header);
            sheet.sheet().setColumnWidth(c, WIDTHS[c] * 256);
        }
        int headingRows = row + 1;
        CellStyle wrap = styles.wrapped();
        CellStyle wrong = styles.filled(IndexedColors.ROSE);
        CellStyle right = styles.filled(IndexedColors.LIGHT_GREEN);
        for (QuantityAudit q : audit.quantities()) {
            if (q.verdict() == Verdict.NOT_GIVEN) {
                writeNotGiven(sheet, styles, ++row, q);
                continue;
            }
            List<String> positions = q.positions();
            for (int i = 0; i < q.entries().size(); i++) {
                EntryAudit e = q.entries().get(i);
                row++;
                writeEntry(sheet, styles, row, q, positions.get(i), e, e.verdict().isWrong()
                        ? wrong : e.verdict() == Verdict.MATCH ? right : null, wrap);
            }
        }
        PrintLayout.apply(sheet, headingRows, false, List.of());
        sheet.finish();
    }

    /** The lines above the table: what was judged, by which rule, and the outcome. */
    static List<String> summary(Audit audit) {
        Tolerance t = audit.tolerance();
        return List.of(
                "Judged against the " + audit.convention().word() + " convention. An entry"
                        + " matches when both round to the same " + Tolerance.DIGITS
                        + " significant digits, or differ by at most " + t.relative()
                        + " of the computed value (" + Tolerance.ABSOLUTE + " near zero).",
                audit.quantities(Verdict.MATCH) + " of " + audit.quantities().size()
                        + " hand values match, " + audit.quantities(Verdict.MISMATCH)
                        + " do not, " + audit.quantities(Verdict.NOT_GIVEN) + " are empty; "
                        + (audit.entries(Verdict.MISMATCH) + audit.entries(Verdict.NOT_A_NUMBER))
                        + " of " + (audit.entries(Verdict.MATCH) + audit.entries(Verdict.MISMATCH)
                        + audit.entries(Verdict.NOT_A_NUMBER)) + " given entries are wrong.",
                "The verdicts are those of this run: after changing a hand value, run gradbook"
                        + " check on this workbook.");
    }

    // A quantity left empty is one row, without its computed values, as in gradbook check's
    // table: a fresh exercise's audit neither gives the answers away nor runs to a row per
    // empty cell of a big layer.
    private static void writeNotGiven(GeneratedSheet sheet, Styles styles, int row, QuantityAudit q) {
        WorkbookWriter.text(sheet, row, 0, q.notation().split(" = ")[0], styles.label);
        WorkbookWriter.text(sheet, row, 1, q.name(), null);
        WorkbookWriter.text(sheet, row, 2, q.notGivenPosition(), null);
        WorkbookWriter.text(sheet, row, 3, q.cellRange(), null);
        WorkbookWriter.text(sheet, row, 7, q.verdict().word(), null);
    }

    private static void writeEntry(GeneratedSheet sheet, Styles styles, int row, QuantityAudit q,
            String position, EntryAudit e, CellStyle verdictStyle, CellStyle wrap) {
        WorkbookWriter.text(sheet, row, 0, q.notation().split(" = ")[0], styles.label);
        WorkbookWriter.text(sheet, row, 1, q.name(), null);
        WorkbookWriter.text(sheet, row, 2, position, null);
        WorkbookWriter.text(sheet, row, 3, e.cell(), null);
        if (e.text() != null) {
            WorkbookWriter.text(sheet, row, 4, e.text(), null);
        } else if (!Double.isNaN(e.hand())) {
            number(sheet, styles, row, 4, e.hand());
        }
        if (!Double.isNaN(e.computed())) {
            number(sheet, styles, row, 5, e.computed());
        }
        if (!Double.isNaN(e.difference())) {
            WorkbookWriter.number(sheet, new CellReference(row, 6), e.difference(),
                    styles.difference);
        }
        WorkbookWriter.text(sheet, row, 7, e.verdict().word(), verdictStyle);
        if (e.verdict().isWrong()) {
            WorkbookWriter.text(sheet, row, CAUSE, q.explanation(), wrap);
            // Excel keeps a row's stored height on opening, so the wrapped lines get theirs; a
            // column of n characters' width holds about 1.2 n letters of running text.
            int lines = (int) Math.ceil(q.explanation().length() / (1.2 * WIDTHS[CAUSE]));
            sheet.row(row).setHeightInPoints(Math.max(1, lines) * 14f);
        }
    }

    private static void number(GeneratedSheet sheet, Styles styles, int row, int col, double v) {
        WorkbookWriter.number(sheet, new CellReference(row, col), v, styles.number(v));
    }
}
