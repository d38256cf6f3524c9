package gradbook.workbook;

import gradbook.core.Matrix;
import gradbook.core.Network;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes a template for a network: one labelled sheet with the parameters, each under its
 * workbook-scoped defined name, vectors as rows as the document's code writes them.
 */
public final class TemplateWriter {
    /** The sheet the parameters are written on. */
    public static final String SHEET = "Parameters";

    private TemplateWriter() {
    }

    /** Writes {@code network} as a template to {@code out}; {@code title} heads the sheet. */
    public static void write(Network network, String title, Path out) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Styles styles = new Styles(workbook);
            XSSFSheet sheet = workbook.createSheet(SHEET);
            sheet.setColumnWidth(0, 16 * 256);
            label(sheet, 0, title, styles.title);
            label(sheet, 1, "Each parameter is a defined name over the cells right of its label;"
                    + " a weight matrix is input × output, vectors are rows.", styles.note);
            int row = 3;
            row = put(workbook, styles, "y", "labels (y)", network.y().transpose(), row);
            row = put(workbook, styles, "x", "x", network.x().transpose(), row);
            for (int k = 0; k < network.layers(); k++) {
                row = put(workbook, styles, "W_" + k, "W" + k, network.W().get(k), row);
            }
            for (int k = 0; k < network.layers(); k++) {
                row = put(workbook, styles, "b_" + (k + 1), "b" + (k + 1),
                        network.b().get(k).transpose(), row);
            }
            put(workbook, styles, "eta", "eta (η)", Matrix.filled(1, 1, network.eta()), row);
            WorkbookWriter.save(workbook, out);
        }
    }

    private static int put(XSSFWorkbook workbook, Styles styles, String name, String label,
            Matrix value, int row) {
        XSSFSheet sheet = workbook.getSheet(SHEET);
        label(sheet, row, label, styles.label);
        for (int i = 0; i < value.rows(); i++) {
            Row r = sheet.getRow(row + i) == null ? sheet.createRow(row + i) : sheet.getRow(row + i);
            for (int j = 0; j < value.cols(); j++) {
                Cell cell = r.createCell(1 + j);
                cell.setCellValue(value.get(i, j));
            }
        }
        Name n = workbook.createName();
        n.setNameName(name);
        n.setRefersToFormula(References.sheetPrefix(SHEET)
                + new CellRangeAddress(row, row + value.rows() - 1, 1, value.cols())
                        .formatAsString(null, true));
        return row + value.rows() + 1;
    }

    private static void label(XSSFSheet sheet, int row, String text, CellStyle style) {
        Row r = sheet.getRow(row) == null ? sheet.createRow(row) : sheet.getRow(row);
        Cell cell = r.createCell(0);
        cell.setCellValue(text);
        cell.setCellStyle(style);
    }
}
