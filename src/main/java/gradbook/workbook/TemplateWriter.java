package gradbook.workbook;

import gradbook.core.Activation;
import gradbook.core.BatchGradient;
import gradbook.core.GradientStep;
import gradbook.core.Loss;
import gradbook.core.Matrix;
import gradbook.core.Network;
import gradbook.core.Operation;
import gradbook.core.Optimizer;
import gradbook.core.Quantity;
import gradbook.core.Trace;
import gradbook.core.Training;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes a template for a network: one labelled sheet with the parameters, each under its
 * workbook-scoped defined name, vectors as rows as the document's code writes them (x and y one
 * row per sample), the names activation, loss, batch_gradient and update_biases where the
 * network departs from the document's choices, and optionally a second sheet of hand values,
 * each under hand_&lt;name&gt;.
 */
public final class TemplateWriter {
    /** The sheet the parameters are written on. */
    public static final String SHEET = "Parameters";
    /** The sheet the hand values are written on. */
    public static final String HAND_SHEET = "Hand Values";

    private TemplateWriter() {
    }

    /** Writes {@code network} as a template to {@code out}; {@code title} heads the sheet. */
    public static void write(Network network, String title, Path out) throws IOException {
        write(network, title, Map.of(), out);
    }

    /**
     * As {@link #write(Network, String, Path)}, with a Hand Values sheet holding {@code hand},
     * a value per quantity name in the quantity's shape (vectors written as rows); a NaN entry
     * is left empty, for a person to fill in.
     */
    public static void write(Network network, String title, Map<String, Matrix> hand, Path out)
            throws IOException {
        write(network, title, TemplateLayout.DEFAULT, hand, out);
    }

    /**
     * As {@link #write(Network, String, Map, Path)}, in {@code layout}: the weights output ×
     * input under out_by_in, x and y a column per sample under sample columns, with the
     * weight_layout and sample_layout names that say so; {@code hand} is taken in that layout.
     */
    public static void write(Network network, String title, TemplateLayout layout,
            Map<String, Matrix> hand, Path out) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Styles styles = new Styles(workbook);
            XSSFSheet sheet = workbook.createSheet(SHEET);
            sheet.setColumnWidth(0, 16 * 256);
            label(sheet, 0, title, styles.title);
            label(sheet, 1, "Each parameter is a defined name over the cells right of its label;"
                    + " a weight matrix is " + layout.weightShape() + ", vectors are rows"
                    + (layout.sampleColumns() ? ", samples are columns." : "."), styles.note);
            int row = 3;
            boolean columns = layout.sampleColumns();
            row = put(workbook, styles, "y", "labels (y)", columns ? network.y()
                    : network.y().transpose(), row);
            row = put(workbook, styles, "x", "x", columns ? network.x() : network.x().transpose(),
                    row);
            for (int k = 0; k < network.layers(); k++) {
                Matrix W = network.W().get(k);
                row = put(workbook, styles, "W_" + k, "W" + k, layout.outByIn() ? W.transpose()
                        : W, row);
            }
            for (int k = 0; k < network.layers(); k++) {
                row = put(workbook, styles, "b_" + (k + 1), "b" + (k + 1),
                        network.b().get(k).transpose(), row);
            }
            row = put(workbook, styles, "eta", "eta (η)", Matrix.filled(1, 1, network.eta()),
                    row);
            row = putFunctions(workbook, styles, network, row);
            if (layout.outByIn()) {
                row = putWords(workbook, styles, TemplateLayout.WEIGHT, TemplateLayout.WEIGHT,
                        List.of("out_by_in"), row);
            }
            if (columns) {
                putWords(workbook, styles, TemplateLayout.SAMPLE, TemplateLayout.SAMPLE,
                        List.of("columns"), row);
            }
            WorkbookWriter.printOnePageWide(sheet);
            if (!hand.isEmpty()) {
                writeHandValues(workbook, styles, GradientStep.take(network), hand, layout);
            }
            // POI dates a new workbook by the clock; a template carries none, so that the same
            // network gives the same bytes.
            workbook.getProperties().getCoreProperties().setCreated(Optional.empty());
            WorkbookWriter.save(workbook, out);
        }
    }

    /**
     * Writes {@code network} as an exercise: the template with a Hand Values sheet of empty
     * cells under hand_&lt;name&gt; for every quantity a person computes by hand, forward, error,
     * derivatives and updates, in the document's order. Left out are the inputs, the gradient
     * check (fd_…) and the factors that only repeat a value already given: ∂z/∂W = a,
     * ∂z/∂b = 1 and ∂z/∂a = W.
     */
    public static void writeExercise(Network network, String title, Path out)
            throws IOException {
        Map<String, Matrix> blank = new LinkedHashMap<>();
        for (Quantity q : GradientStep.take(network).quantities()) {
            if (!q.isInput() && !q.name().startsWith("fd_")
                    && q.operation() != Operation.COPY && q.operation() != Operation.ONES) {
                blank.put(q.name(), Matrix.filled(q.value().rows(), q.value().cols(),
                        Double.NaN));
            }
        }
        write(network, title, blank, out);
    }

    // Laid out for a person: the quantity's symbol, the cells to fill, then its defined name
    // and meaning.
    private static void writeHandValues(XSSFWorkbook workbook, Styles styles, Trace trace,
            Map<String, Matrix> hand, TemplateLayout layout) {
        XSSFSheet sheet = workbook.createSheet(HAND_SHEET);
        sheet.setColumnWidth(0, 16 * 256);
        CellStyle toFill = boxed(workbook);
        WorkbookWriter.printOnePageWide(sheet);
        label(sheet, 0, "Your values", styles.title);
        label(sheet, 1, "Type your own value of any quantity gradbook computes beside its"
                + " symbol; leave a cell empty if you have no value for it. gradbook run adds an"
                + " Audit sheet, gradbook check grades them.", styles.note);
        label(sheet, 2, "Each group of cells is the defined name hand_ and the quantity's name;"
                + " vectors are rows, a matrix has the shape of its parameter ("
                + layout.weightShape() + ").",
                styles.note);
        int row = 4;
        if (trace.value("x").cols() > 1) {
            label(sheet, 3, "With several samples, a quantity of each sample (z, a, the errors,"
                    + " ∂E/∂a, ∂a/∂z, δ) has one column per sample, as on gradbook's sheets.",
                    styles.note);
            row = 5;
        }
        for (Map.Entry<String, Matrix> e : hand.entrySet()) {
            Quantity q = trace.get(e.getKey());
            // A vector is a row; with several samples a quantity of each sample keeps one column
            // per sample, even one unit wide.
            Matrix value = q.isMatrix() || e.getValue().cols() > 1 ? e.getValue()
                    : e.getValue().transpose();
            Row line = sheet.getRow(row) == null ? sheet.createRow(row) : sheet.getRow(row);
            Cell note = line.createCell(value.cols() + 2);
            note.setCellValue("hand_" + q.name() + ": " + q.meaning());
            note.setCellStyle(styles.note);
            row = put(workbook, styles, HAND_SHEET, "hand_" + q.name(),
                    q.notation().split(" = ")[0], value, row, toFill);
        }
    }

    // Only what departs from the document, so that its template keeps exactly its names.
    private static int putFunctions(XSSFWorkbook workbook, Styles styles, Network network,
            int row) {
        if (!network.activation().stream().allMatch(f -> f == Activation.SIGMOID)) {
            row = putWords(workbook, styles, "activation", "activation", network.activation()
                    .stream().map(Activation::word).toList(), row);
        }
        if (network.loss() != Loss.HALF_SSE) {
            row = putWords(workbook, styles, "loss", "loss", List.of(network.loss().word()),
                    row);
        }
        if (network.batch() != BatchGradient.SUM) {
            row = putWords(workbook, styles, "batch_gradient", "batch_gradient",
                    List.of(network.batch().word()), row);
        }
        if (!network.updateBiases()) {
            putWords(workbook, styles, "update_biases", "update_biases", List.of("FALSE"), row);
            workbook.getSheet(SHEET).getRow(row).getCell(1).setCellValue(false);
            row += 2;
        }
        return putTraining(workbook, styles, network.training(), row);
    }

    // The training's words and numbers, those that depart from one step of sgd and the
    // usual hyper-parameters.
    private static int putTraining(XSSFWorkbook workbook, Styles styles, Training training,
            int row) {
        if (training.optimizer() != Optimizer.SGD) {
            row = putWords(workbook, styles, "optimizer", "optimizer",
                    List.of(training.optimizer().word()), row);
        }
        if (training.steps() != 1) {
            row = put(workbook, styles, "steps", "steps", Matrix.filled(1, 1, training.steps()),
                    row);
        }
        for (String h : training.hyperParameters()) {
            if (training.value(h) != Training.DEFAULT.value(h)) {
                row = put(workbook, styles, h, h, Matrix.filled(1, 1, training.value(h)), row);
            }
        }
        return row;
    }

    private static int putWords(XSSFWorkbook workbook, Styles styles, String name, String label,
            List<String> words, int row) {
        XSSFSheet sheet = workbook.getSheet(SHEET);
        label(sheet, row, label, styles.label);
        Row r = sheet.getRow(row) == null ? sheet.createRow(row) : sheet.getRow(row);
        for (int j = 0; j < words.size(); j++) {
            r.createCell(1 + j).setCellValue(words.get(j));
        }
        Name n = workbook.createName();
        n.setNameName(name);
        n.setRefersToFormula(References.sheetPrefix(SHEET)
                + new CellRangeAddress(row, row, 1, words.size()).formatAsString(null, true));
        return row + 2;
    }

    // An empty cell to fill is boxed and tinted, so that a person sees where each number goes.
    private static CellStyle boxed(XSSFWorkbook workbook) {
        CellStyle s = workbook.createCellStyle();
        s.setBorderTop(BorderStyle.THIN);
        s.setBorderBottom(BorderStyle.THIN);
        s.setBorderLeft(BorderStyle.THIN);
        s.setBorderRight(BorderStyle.THIN);
        s.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
        s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        return s;
    }

    private static int put(XSSFWorkbook workbook, Styles styles, String name, String label,
            Matrix value, int row) {
        return put(workbook, styles, SHEET, name, label, value, row, null);
    }

    /** {@code toFill} is the style of an entry left empty (NaN), or null for none. */
    private static int put(XSSFWorkbook workbook, Styles styles, String sheetName, String name,
            String label, Matrix value, int row, CellStyle toFill) {
        XSSFSheet sheet = workbook.getSheet(sheetName);
        label(sheet, row, label, styles.label);
        for (int i = 0; i < value.rows(); i++) {
            Row r = sheet.getRow(row + i) == null ? sheet.createRow(row + i) : sheet.getRow(row + i);
            for (int j = 0; j < value.cols(); j++) {
                Cell cell = r.createCell(1 + j);
                if (!Double.isNaN(value.get(i, j))) {
                    cell.setCellValue(value.get(i, j));
                } else if (toFill != null) {
                    cell.setCellStyle(toFill);
                }
            }
        }
        Name n = workbook.createName();
        n.setNameName(name);
        n.setRefersToFormula(References.sheetPrefix(sheetName)
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
