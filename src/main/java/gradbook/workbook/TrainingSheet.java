package gradbook.workbook;

import gradbook.core.GradientStep;
import gradbook.core.Matrix;
import gradbook.core.Network;
import gradbook.core.Trainer;
import gradbook.core.Training;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The Training sheet of a run of several steps: the parameters after the last step
 * (W_k_final, b_(k+1)_final), then E before and after each step with a chart of it.
 *
 * <p>Known limit: these numbers are Java values without formula twins. The first step, which
 * the other sheets trace with a twin for every entry, is the only step recomputed as formulas;
 * a twin for every step would repeat the whole trace once per step.
 */
final class TrainingSheet {
    static final String NAME = "Training";
    static final String E_BEFORE = "E_before_step";
    static final String E_AFTER = "E_after_step";
    /** The columns of the table: the step, E before it, E after it; the chart beside them. */
    private static final int STEP_COL = 1;
    private static final int CHART_COL = 5;

    private final Network net;
    private final Trainer.Run run;
    private final XSSFWorkbook workbook;
    private final Styles styles;
    /** True when the template stores each W_k output × input (weight_layout out_by_in). */
    private boolean outByIn;

    private TrainingSheet(Network net, XSSFWorkbook workbook, Styles styles) {
        this.net = net;
        this.run = Trainer.run(net);
        this.workbook = workbook;
        this.styles = styles;
    }

    /** True when the network asks for a run of more than one step, which this sheet shows. */
    static boolean shows(Network net) {
        return net.training().steps() > 1;
    }

    /** The defined names the sheet makes for a network of {@code L} layers. */
    static List<String> names(int L) {
        List<String> names = new ArrayList<>();
        for (int k = 0; k < L; k++) {
            names.add(finalName("W_" + k));
        }
        for (int k = 1; k <= L; k++) {
            names.add(finalName("b_" + k));
        }
        names.addAll(List.of(E_BEFORE, E_AFTER));
        return names;
    }

    static String finalName(String parameter) {
        return parameter + "_final";
    }

    /**
     * Runs the training and writes its sheet into {@code workbook}, each W_k_final in the
     * template's layout of W_k.
     */
    static void write(Network net, SXSSFWorkbook workbook, Styles styles, TemplateLayout layout)
            throws IOException {
        TrainingSheet training = new TrainingSheet(net, workbook.getXSSFWorkbook(), styles);
        training.outByIn = layout.outByIn();
        GeneratedSheet sheet = GeneratedSheet.create(workbook, NAME);
        training.write(sheet);
        sheet.finish();
    }

    private void write(GeneratedSheet sheet) {
        sheet.sheet().setColumnWidth(0, 46 * 256);
        for (int c = 1; c <= Math.max(4, widest()); c++) {
            sheet.sheet().setColumnWidth(c, 13 * 256);
        }
        WorkbookWriter.text(sheet, 0, 0, "Training", styles.title);
        List<String> lines = introduction();
        for (int i = 0; i < lines.size(); i++) {
            WorkbookWriter.text(sheet, 2 + i, 0, lines.get(i), null);
        }
        int row = 3 + lines.size();
        int L = net.layers();
        for (int k = 0; k < L; k++) {
            Matrix W = run.W().get(k);
            row = parameter(sheet, row, "W_" + k, "W" + GradientStep.sub(k),
                    outByIn ? W.transpose() : W);
        }
        for (int k = 0; k < L; k++) {
            row = parameter(sheet, row, "b_" + (k + 1), "b" + GradientStep.sub(k + 1),
                    run.b().get(k));
        }
        table(sheet, row);
        WorkbookWriter.printOnePageWide(sheet.sheet());
    }

    // Short lines, so that the sheet prints one page wide at a legible size.
    private List<String> introduction() {
        Training t = net.training();
        List<String> settings = new ArrayList<>(List.of("η = " + plain(net.eta())));
        for (String h : t.hyperParameters()) {
            settings.add(Training.symbol(h) + " = " + plain(t.value(h)));
        }
        List<String> lines = new ArrayList<>(List.of(t.steps() + " steps of "
                + t.optimizer().word() + " (" + String.join(", ", settings) + "), for each"
                + " parameter P" + (net.updateBiases() ? "" : " but the biases, held fixed")
                + ":"));
        for (String statement : t.optimizer().rule().split("; ")) {
            lines.add("    " + statement);
        }
        lines.addAll(List.of(
                "Each step's gradient is that of E at the parameters the step before left.",
                "Step 1 is the step the other sheets show, each number with its formula:"
                        + " W_k_new there is W_k after step 1.",
                "The numbers on this sheet are computed in Java and have no formula twins;"
                        + " only step 1 is recomputed as formulas."));
        return lines;
    }

    private static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toString();
    }

    // W_k after the last step, under the name W_k_final, laid out as the template's W_k.
    private int parameter(GeneratedSheet sheet, int row, String name, String symbol, Matrix value) {
        int steps = net.training().steps();
        WorkbookWriter.text(sheet, row, 0, symbol + " after step " + steps, styles.label);
        WorkbookWriter.text(sheet, row, 1, value.shape() + ", the shape of " + symbol,
                styles.note);
        WorkbookWriter.text(sheet, row + 1, 0, finalName(name) + ": " + name + " after the"
                + " last step", styles.note);
        int top = row + 2;
        for (int i = 0; i < value.rows(); i++) {
            for (int j = 0; j < value.cols(); j++) {
                double v = value.get(i, j);
                WorkbookWriter.number(sheet, new CellReference(top + i, 1 + j), v,
                        styles.number(v));
            }
        }
        define(finalName(name), new CellRangeAddress(top, top + value.rows() - 1, 1,
                value.cols()));
        return top + value.rows() + 1;
    }

    // Step t, E at the parameters before it and after it; E after step t is E before t + 1.
    private void table(GeneratedSheet sheet, int row) {
        int steps = net.training().steps();
        WorkbookWriter.text(sheet, row, 0, "E over the run", styles.label);
        WorkbookWriter.text(sheet, row + 1, 0, "E before and after each step, at the"
                + " parameters it starts from and those it leaves", styles.note);
        List<String> headers = List.of("step t", "E before step t", "E after step t");
        for (int c = 0; c < headers.size(); c++) {
            WorkbookWriter.text(sheet, row + 2, STEP_COL + c, headers.get(c), styles.header);
        }
        int first = row + 3;
        double[] stepNumbers = new double[steps];
        double[] losses = new double[steps];
        for (int t = 1; t <= steps; t++) {
            int r = first + t - 1;
            WorkbookWriter.number(sheet, new CellReference(r, STEP_COL), t, styles.number(t));
            double before = run.after(t - 1);
            double after = run.after(t);
            stepNumbers[t - 1] = t;
            losses[t - 1] = after;
            WorkbookWriter.number(sheet, new CellReference(r, STEP_COL + 1), before,
                    styles.number(before));
            WorkbookWriter.number(sheet, new CellReference(r, STEP_COL + 2), after,
                    styles.number(after));
        }
        int last = first + steps - 1;
        define(E_BEFORE, new CellRangeAddress(first, last, STEP_COL + 1, STEP_COL + 1));
        define(E_AFTER, new CellRangeAddress(first, last, STEP_COL + 2, STEP_COL + 2));
        LossChart.draw(sheet.drawn(),
                new ChartColumn(new CellRangeAddress(first, last, STEP_COL, STEP_COL),
                        stepNumbers),
                new ChartColumn(new CellRangeAddress(first, last, STEP_COL + 2, STEP_COL + 2),
                        losses), steps, row, CHART_COL);
    }

    private void define(String name, CellRangeAddress cells) {
        Name n = workbook.createName();
        n.setNameName(name);
        n.setRefersToFormula(References.sheetPrefix(NAME) + cells.formatAsString(null, true));
    }

    private int widest() {
        return net.W().stream().mapToInt(Matrix::cols).max().orElse(1);
    }
}
