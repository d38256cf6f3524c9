package gradbook.workbook;

import gradbook.audit.Audit;
import gradbook.core.Activation;
import gradbook.core.Convention;
import gradbook.core.GradientStep;
import gradbook.core.Matrix;
import gradbook.core.Network;
import gradbook.core.Operation;
import gradbook.core.Quantity;
import gradbook.core.Section;
import gradbook.core.Trace;
import gradbook.core.Training;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTBookViews;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTWorkbook;

/**
 * Writes a traced gradient step into the template's workbook, after the template's own sheets:
 * one sheet per section of the worked example, each quantity as its Java values, a formula twin
 * and their difference, and a defined name per quantity pointing at its Java values.
 *
 * <p>The generated sheets are streamed (see {@link GeneratedSheet}), so that memory stays
 * bounded as the layers grow; the template's own sheets are written as POI read them.
 */
public final class WorkbookWriter {
    /** The activation table covers [−10, 10] in steps of ½, as the document plots S. */
    private static final double TABLE_FROM = -10;
    private static final double TABLE_STEP = 0.5;
    private static final int TABLE_ROWS = 41;
    /** Rows above the first quantity: the heading, then a blank row. */
    private static final int FIRST_BLOCK_ROW = 2;
    /**
     * Up to this many computed entries, a few MB of sheet XML, the generated sheets
     * are held in memory while written; beyond it, in temporary files (see
     * {@link StreamingWorkbook}). The system property {@code gradbook.inMemoryEntries} sets
     * another limit, for tests.
     */
    static final long IN_MEMORY_ENTRIES = 20_000;
    static final String IN_MEMORY_PROPERTY = "gradbook.inMemoryEntries";

    private final Template template;
    private final Trace trace;
    private final XSSFWorkbook workbook;
    /** The streaming writer around {@link #workbook}, while {@link #write} runs. */
    private StreamingWorkbook streaming;
    private final Styles styles;
    private final TwinCoverage twins;
    private final Map<String, Placement> placements = new HashMap<>();
    /** The row of a subheading ("The factors") that stands above a quantity's block. */
    private final Map<String, Integer> subheadingRows = new HashMap<>();

    private WorkbookWriter(Template template, Trace trace, FormulaMode formulas) {
        this.template = template;
        this.trace = trace;
        this.workbook = template.workbook();
        this.styles = new Styles(workbook);
        this.twins = new TwinCoverage(formulas, trace);
    }

    /**
     * Adds the generated sheets to the template's workbook and writes it to {@code out},
     * through a temporary file in the same folder that is moved into place only when complete.
     */
    public static void write(Template template, Trace trace, Path out)
            throws TemplateException, IOException {
        write(template, trace, null, out);
    }

    /**
     * As {@link #write(Template, Trace, Path)}, with an Audit sheet when {@code audit} has hand
     * values to show.
     */
    public static void write(Template template, Trace trace, Audit audit, Path out)
            throws TemplateException, IOException {
        write(template, trace, audit, out, null);
    }

    /**
     * As {@link #write(Template, Trace, Audit, Path)}, giving the workbook {@code modified} as
     * the date it was last modified; null gives none, so that the same template always gives
     * the same bytes.
     */
    public static void write(Template template, Trace trace, Audit audit, Path out,
            Instant modified) throws TemplateException, IOException {
        write(template, trace, audit, out, modified, FormulaMode.AUTO);
    }

    /**
     * As {@link #write(Template, Trace, Audit, Path, Instant)}, with the formula twins that
     * {@code formulas} asks for (see {@link TwinCoverage}).
     */
    public static void write(Template template, Trace trace, Audit audit, Path out,
            Instant modified, FormulaMode formulas) throws TemplateException, IOException {
        Provenance made = Provenance.of(template.file(), trace.convention(),
                audit == null ? null : audit.tolerance(), formulas);
        FiniteCheck.check(template, trace);
        WorkbookWriter writer = new WorkbookWriter(template, trace, formulas);
        writer.checkCollisions();
        Regeneration.Snapshot before = Regeneration.Snapshot.of(template.workbook());
        long entries = trace.quantities().stream()
                .mapToLong(q -> (long) q.value().rows() * q.value().cols()).sum();
        StreamingWorkbook streaming = new StreamingWorkbook(template.workbook(),
                entries <= Long.getLong(IN_MEMORY_PROPERTY, IN_MEMORY_ENTRIES));
        try {
            writer.streaming = streaming;
            writer.addSheets();
            if (audit != null && !audit.quantities().isEmpty()) {
                AuditSheet.write(streaming, writer.styles, audit, template.fileName());
            }
            Regeneration.record(template.workbook(), before);
            DocumentProperties.set(template.workbook(), template, made, modified);
            OutputTarget.save(streaming, out, template.password(), template.fileName());
        } catch (RuntimeException e) {
            // POI's streaming writer wraps a failed write of its temporary files.
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw e;
        } finally {
            streaming.deleteTemporaryFiles();
        }
    }

    /**
     * Where {@link #write} puts each computed quantity's Java values, entry by entry, by name,
     * e.g. {@code 'First Layer'!B5}, in the template's layout; nothing is written.
     */
    public static Map<String, List<List<String>>> valueCells(Template template, Trace trace) {
        WorkbookWriter writer = new WorkbookWriter(template, trace, FormulaMode.AUTO);
        for (SheetPlan plan : SheetPlan.of(trace)) {
            writer.place(plan);
        }
        Map<String, List<List<String>>> cells = new HashMap<>();
        for (Quantity q : trace.quantities()) {
            Placement p = writer.placements.get(q.name());
            if (q.isInput() || p == null) {
                continue;
            }
            cells.put(q.name(), cellsOf(p));
        }
        return cells;
    }

    // Made as they are read: a big network has millions of entries, and a String for each,
    // kept at once, would take hundreds of MB.
    private static List<List<String>> cellsOf(Placement p) {
        return new AbstractList<>() {
            @Override
            public List<String> get(int r) {
                Objects.checkIndex(r, p.shownRows());
                return new AbstractList<>() {
                    @Override
                    public String get(int c) {
                        Objects.checkIndex(c, p.shownCols());
                        return References.from("", p.transposed() ? p.java(c, r)
                                : p.java(r, c));
                    }

                    @Override
                    public int size() {
                        return p.shownCols();
                    }
                };
            }

            @Override
            public int size() {
                return p.shownRows();
            }
        };
    }

    // A template that already uses a sheet or name gradbook generates would be overwritten.
    private void checkCollisions() throws TemplateException {
        List<String> problems = new ArrayList<>();
        Network net = template.network();
        List<String> sheets = new ArrayList<>(SheetPlan.names(net.layers()));
        List<String> names = new ArrayList<>();
        if (TrainingSheet.shows(net)) {
            sheets.add(TrainingSheet.NAME);
            names.addAll(TrainingSheet.names(net.layers()));
        }
        for (String sheet : sheets) {
            XSSFSheet own = workbook.getSheet(sheet);
            if (own != null) {
                problems.add(template.fileName() + ", sheet " + own.getSheetName() + ": the"
                        + " template's sheet " + own.getSheetName() + " has the name of the"
                        + " sheet gradbook generates, " + sheet + " (sheet names ignore case);"
                        + " rename the template's sheet");
            }
        }
        for (Quantity q : trace.quantities()) {
            if (!q.isInput()) {
                names.add(q.name());
            }
        }
        for (String name : names) {
            if (workbook.getName(name) != null) {
                problems.add(template.fileName() + ", name " + name + ": the template defines"
                        + " a name gradbook generates; delete or rename it");
            }
        }
        if (!problems.isEmpty()) {
            throw new TemplateException(problems);
        }
    }

    private void addSheets() throws IOException {
        List<SheetPlan> plans = SheetPlan.of(trace);
        for (SheetPlan plan : plans) {
            place(plan);
        }
        GradientCheckSheet check = new GradientCheckSheet(trace, template.network(), placements,
                twins.any());
        Formulas formulas = new Formulas(placements, template.inputs(), check);
        boolean first = true;
        for (SheetPlan plan : plans) {
            GeneratedSheet sheet = GeneratedSheet.create(streaming, plan.name());
            text(sheet, 0, 0, plan.title(), styles.title);
            layOutColumns(sheet.sheet(), plan, tabulated().size(), template.layout());
            if (first) {
                writeConventions(sheet);
                ensureWorkbookView();
                workbook.setActiveSheet(workbook.getSheetIndex(plan.name()));
                workbook.setFirstVisibleTab(0);
                first = false;
            }
            if (plan.name().equals(SheetPlan.ACTIVATION)) {
                writeActivationTable(sheet);
            }
            for (Quantity q : plan.quantities()) {
                writeQuantity(sheet, q, formulas);
            }
            boolean activation = plan.name().equals(SheetPlan.ACTIVATION);
            // The document's one function and its chart fit one page; several, with the chart
            // below their table, print one page wide and as long as it takes.
            PrintLayout.apply(sheet, activation ? FIRST_BLOCK_ROW + 2 : 1,
                    activation && tabulated().size() <= 1, blockColumns(plan));
            sheet.finish();
        }
        if (TrainingSheet.shows(template.network())) {
            TrainingSheet.write(template.network(), streaming, styles, template.layout());
        }
        check.write(GeneratedSheet.create(streaming, GradientCheckSheet.NAME), styles);
        for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
            workbook.getSheetAt(s).setSelected(s == workbook.getActiveSheetIndex());
        }
        workbook.setForceFormulaRecalculation(true);
    }

    // POI sets the active sheet on the first workbook view; a template may have none (its
    // bookViews left out or unreadable), and then the workbook gets a plain one.
    private void ensureWorkbookView() {
        CTWorkbook ct = workbook.getCTWorkbook();
        CTBookViews views = ct.isSetBookViews() ? ct.getBookViews() : ct.addNewBookViews();
        if (views.sizeOfWorkbookViewArray() == 0) {
            views.addNewWorkbookView();
        }
    }

    // Wide enough for a label in the document's notation, and for six significant digits in
    // scientific form (-1.23457E-05) so that no value shows as ####. The activation sheet's
    // only label is short, which leaves room for its chart (see PrintLayout for printing).
    private static void layOutColumns(Sheet sheet, SheetPlan plan, int tabulatedCount,
            TemplateLayout layout) {
        boolean activation = plan.name().equals(SheetPlan.ACTIVATION);
        sheet.setColumnWidth(0, (activation ? 24 : 46) * 256);
        int columns = activation ? 1 + 3 * Math.max(1, tabulatedCount)
                : 3 * plan.widestQuantity(layout) + 2;
        for (int c = 1; c <= columns; c++) {
            sheet.setColumnWidth(c, 13 * 256);
        }
    }

    /** For the sheets PrintLayout does not lay out: as wide as one page, as long as it takes. */
    static void printOnePageWide(Sheet sheet) {
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
    }

    // Lays the blocks out top to bottom. Columns are shared by every block of a sheet: the Java
    // values from B, the twins after a gap as wide as the widest quantity, the differences after
    // another, so that the three blocks line up down the sheet.
    private void place(SheetPlan plan) {
        int width = plan.widestQuantity(template.layout());
        int javaCol = 1;
        int twinCol = javaCol + width + 1;
        int diffCol = twinCol + width + 1;
        int row = FIRST_BLOCK_ROW;
        if (plan.name().equals(SheetPlan.NETWORK)) {
            row += conventions().size() + 1;
        }
        Section section = null;
        for (Quantity q : plan.quantities()) {
            if (q.section() != section && subheading(q.section()) != null) {
                subheadingRows.put(q.name(), row);
                row += 2;
            }
            section = q.section();
            Placement p = new Placement(plan.name(), row + 2, javaCol, twinCol, diffCol,
                    q.value().rows(), q.value().cols(), template.layout().transposed(q));
            placements.put(q.name(), p);
            row += 2 + p.shownRows() + 1;
        }
    }

    // Where the formula and difference blocks begin; every quantity of a sheet shares them.
    private List<Integer> blockColumns(SheetPlan plan) {
        if (plan.quantities().isEmpty() || !twins.any()) {
            return List.of();
        }
        Placement p = placements.get(plan.quantities().get(0).name());
        return List.of(p.twinCol(), p.diffCol());
    }

    private void writeQuantity(GeneratedSheet sheet, Quantity q, Formulas formulas) {
        Placement p = placements.get(q.name());
        if (subheadingRows.containsKey(q.name())) {
            text(sheet, subheadingRows.get(q.name()), 0, subheading(q.section()), styles.title);
        }
        Cell label = text(sheet, p.top() - 2, 0, notation(q), styles.label);
        sheet.comment(label, LabelComments.text(q));
        text(sheet, p.top() - 2, 1, shapeLabel(q) + twins.note(q), styles.note);
        text(sheet, p.top() - 1, 0, p.transposed() ? q.meaning().replace("input × output",
                "output × input") : q.meaning(), styles.note);
        text(sheet, p.top() - 1, p.javaCol(), "Java", styles.header);
        if (twins.any()) {
            text(sheet, p.top() - 1, p.twinCol(), "formula", styles.header);
            text(sheet, p.top() - 1, p.diffCol(), "formula − Java", styles.header);
        }
        // Row by row down the sheet, as it is streamed, whatever the layout.
        for (int r = 0; r < p.shownRows(); r++) {
            for (int c = 0; c < p.shownCols(); c++) {
                int i = p.transposed() ? c : r;
                int j = p.transposed() ? r : c;
                double v = q.value().get(i, j);
                if (Double.isNaN(v)) {
                    continue; // not computed: an entry the gradient check did not sample
                }
                number(sheet, p.java(i, j), v, styles.number(v));
                if (!twins.has(q, i, j)) {
                    continue; // --formulas: see TwinCoverage
                }
                formula(sheet, p.twin(i, j), formulas.twin(q, i, j), v, styles.number(v));
                formula(sheet, p.difference(i, j), ref(p.twin(i, j)) + "-" + ref(p.java(i, j)),
                        0, styles.difference);
            }
        }
        if (!q.isInput()) {
            Name name = workbook.createName();
            name.setNameName(q.name());
            name.setRefersToFormula(p.javaRange());
        }
    }

    private static String subheading(Section section) {
        return switch (section) {
            case FACTORS -> "The factors";
            case PRODUCTS -> "The chain-rule products";
            default -> null;
        };
    }

    // "2 × 2, the shape of W₁": a gradient's label names its parameter, since a transposed
    // gradient is the commonest hand error.
    // Under weight_layout out_by_in the label says the layout, and that a product written as
    // the core forms it (a δᵀ) is shown transposed.
    private String shapeLabel(Quantity q) {
        boolean transposed = template.layout().transposed(q);
        String shape = transposed ? q.value().transpose().shape() : q.value().shape();
        if (q.isInput() && template.inputs().containsKey(q.name())) {
            return shape + (transposed ? ", output × input" : "") + ", "
                    + template.inputs().get(q.name()).source();
        }
        if (q.shapeOf() == null) {
            return shape;
        }
        String of = shape + ", the shape of " + trace.get(q.shapeOf()).notation();
        if (!transposed) {
            return of;
        }
        return of + ": output × input, as the template has it";
    }

    // The core's products written for W_k output × input: z_k = W_k a + b, δ carried back
    // through W_kᵀ, and ∂E/∂W_k = δ_k aᵀ, the transpose of a δ_kᵀ.
    private String notation(Quantity q) {
        if (!template.layout().outByIn()) {
            return q.notation();
        }
        String k = GradientStep.sub(q.layer());
        String in = q.layer() == 0 ? "x" : "a" + GradientStep.sub(q.layer() - 1);
        return switch (q.operation()) {
            case AFFINE -> q.notation().replace("ᵀ", "");
            case BACK_PROPAGATE -> q.notation().replaceFirst("\\(∂z", "((∂z")
                    .replaceFirst(" · δ", ")ᵀ · δ");
            case OUTER -> "∂E/∂W" + k + " = δ" + k + " · " + in + "ᵀ";
            default -> q.notation();
        };
    }

    private List<String> conventions() {
        Network net = template.network();
        List<String> lines = new ArrayList<>(List.of(
                "Made by gradbook " + Version.get() + " from " + template.fileName()
                        + ", with the " + conventionLine(),
                "Loss: " + trace.get("E").notation() + (net.isDocumentCase()
                        ? ". The document's Err is the same sum without the ½; its derivatives"
                                + " are those of E."
                        : ", the template's loss " + net.loss().word() + "."),
                "Every gradient is taken at the parameters before the step."));
        lines.addAll(updateRule(net));
        if (twins.any()) {
            lines.add("Each quantity shows its value computed in Java, a live formula that"
                    + " recomputes it from the template's cells, and their difference.");
        }
        lines.addAll(twins.lines());
        lines.addAll(layoutLines(net));
        if (!net.isDocumentCase()) {
            List<String> layers = new ArrayList<>();
            for (int k = 0; k < net.layers(); k++) {
                layers.add("layer " + k + " " + net.activation().get(k).word());
            }
            lines.add("Activations: " + String.join(", ", layers) + ".");
            lines.add("Samples: " + net.samples() + (net.samples() == 1 ? "." : ", a column"
                    + " each on these sheets" + (template.layout().sampleColumns() ? ""
                            : " (a row each in the template)") + "; E is their "
                    + net.batch().word() + ", so each gradient is the " + net.batch().word()
                    + " of the samples' gradients."));
        }
        return lines;
    }

    // What departs from the document's layout: the template's weight_layout and sample_layout,
    // and a bias shared by a layer's units.
    private List<String> layoutLines(Network net) {
        List<String> lines = new ArrayList<>();
        TemplateLayout layout = template.layout();
        if (layout.outByIn()) {
            lines.add("Weights: output × input, as the template stores them (weight_layout"
                    + " out_by_in), so z_k = W_k a_(k−1) + b_(k+1); every quantity of a weight's"
                    + " shape is shown and named output × input.");
        }
        if (layout.sampleColumns()) {
            lines.add("Samples: a column each in the template (sample_layout columns), as on"
                    + " these sheets.");
        }
        for (int k = 0; k < net.layers(); k++) {
            if (net.sharedBias(k)) {
                lines.add("b_" + (k + 1) + " is one bias shared by the " + net.W().get(k).cols()
                        + " units of layer " + k + ": added to each, its gradient summed over"
                        + " them.");
            }
        }
        return lines;
    }

    // One line for the document's rule; an optimizer's rule a statement a line, so that the
    // sheet prints within its page.
    private static List<String> updateRule(Network net) {
        Training t = net.training();
        if (t.isOneStepOfSgd()) {
            return List.of(net.updateBiases()
                    ? "Update rule: each parameter P becomes P − η ∂E/∂P, with η = eta."
                    : "Update rule: each weight matrix W becomes W − η ∂E/∂W, with η = eta;"
                            + " the biases are held fixed (update_biases is FALSE), though"
                            + " their gradients are shown.");
        }
        List<String> lines = new ArrayList<>();
        lines.add("Update rule: " + t.optimizer().word() + ", with η = eta, for each parameter P"
                + (net.updateBiases() ? ":" : " but the biases, held fixed (update_biases is"
                        + " FALSE), though their gradients are shown:"));
        for (String statement : t.optimizer().rule().split("; ")) {
            lines.add("    " + statement);
        }
        lines.add(t.steps() == 1 ? "One step, shown on these sheets."
                : t.steps() + " steps: these sheets show the first, the Training sheet the loss"
                        + " after each and the parameters after the last.");
        return lines;
    }

    private String conventionLine() {
        return trace.convention() == Convention.NOTEBOOK
                ? "notebook convention: the document's code (∂E/∂a = y − a, the slope of the"
                        + " next layer applied after W in δ, ∂E/∂W as δ aᵀ). Its ∂E/∂…, steps and"
                        + " updated parameters are NOT the gradients of E; fd_diff_… shows by how"
                        + " much."
                : "textbook convention: the document's formulas.";
    }

    private void writeConventions(GeneratedSheet sheet) {
        List<String> lines = conventions();
        for (int i = 0; i < lines.size(); i++) {
            text(sheet, FIRST_BLOCK_ROW + i, 0, lines.get(i), null);
        }
    }

    // Each activation in use over [−10, 10], the document's plot of S as a table: x, then f(x)
    // from Java, its formula and their difference for each f. Softmax, a function of a whole
    // column, is named below the table instead.
    private void writeActivationTable(GeneratedSheet sheet) {
        int top = FIRST_BLOCK_ROW;
        List<Activation> functions = tabulated();
        List<Activation> all = template.network().activation();
        Cell label = text(sheet, top, 0, String.join("; ", all.stream().distinct()
                .map(Activation::formula).toList()), styles.label);
        sheet.comment(label, activationComment(all));
        List<String> headers = new ArrayList<>(List.of("x"));
        for (Activation f : functions) {
            String fx = f.symbol() + "(x)";
            headers.addAll(twins.any() ? List.of(fx + ", Java", fx + ", formula",
                    "formula − Java") : List.of(fx + ", Java", "", ""));
        }
        for (int c = 0; c < headers.size(); c++) {
            if (!headers.get(c).isEmpty()) {
                text(sheet, top + 1, c + 1, headers.get(c), styles.header);
            }
        }
        // The chart plots these numbers; the sheet's rows are on disk by the time it is drawn.
        double[] xs = new double[TABLE_ROWS];
        double[][] fs = new double[functions.size()][TABLE_ROWS];
        for (int r = 0; r < TABLE_ROWS; r++) {
            int row = top + 2 + r;
            double x = TABLE_FROM + r * TABLE_STEP;
            xs[r] = x;
            CellReference xCell = new CellReference(row, 1);
            number(sheet, xCell, x, styles.number(x));
            for (int n = 0; n < functions.size(); n++) {
                Operation f = functions.get(n).forward();
                double v = f.apply(List.of(Matrix.filled(1, 1, x))).get(0, 0);
                fs[n][r] = v;
                CellReference java = new CellReference(row, 2 + 3 * n);
                CellReference twin = new CellReference(row, 3 + 3 * n);
                number(sheet, java, v, styles.number(v));
                if (!twins.any()) {
                    continue;
                }
                formula(sheet, twin, Formulas.elementwise(f, xCell.formatAsString(false)), v,
                        styles.number(v));
                formula(sheet, new CellReference(row, 4 + 3 * n), ref(twin) + "-" + ref(java),
                        0, styles.difference);
            }
        }
        int first = top + 2;
        int last = first + TABLE_ROWS - 1;
        if (all.contains(Activation.SOFTMAX)) {
            text(sheet, last + 2, 0, "softmax, on the last layer, maps a whole column z to"
                    + " e^z / Σ e^z, so it has no curve of one number; its values are on the"
                    + " layer's sheet.", styles.note);
        }
        if (functions.isEmpty()) {
            return;
        }
        List<CellRangeAddress> ys = new ArrayList<>();
        for (int n = 0; n < functions.size(); n++) {
            ys.add(new CellRangeAddress(first, last, 2 + 3 * n, 2 + 3 * n));
        }
        // One function's table is narrow and the chart stands beside it, as in the document;
        // several functions' tables are wide, and the chart goes below so the page stays legible.
        boolean beside = functions.size() == 1;
        if (!beside) {
            sheet.sheet().setRowBreak(last + 3);
        }
        ActivationChart.draw(sheet.drawn(), new ChartColumn(new CellRangeAddress(first, last,
                1, 1), xs), ChartColumn.of(ys, fs), functions, beside ? top : last + 4,
                beside ? headers.size() + 2 : 1);
    }

    // The functions of one number in use, in the order of the layers, each once.
    private List<Activation> tabulated() {
        return template.network().activation().stream().filter(Activation::isElementwise)
                .distinct().toList();
    }

    private static String activationComment(List<Activation> all) {
        if (all.stream().allMatch(f -> f == Activation.SIGMOID)) {
            return "the logistic sigmoid, the activation of every layer, tabulated over"
                    + " [−10, 10]";
        }
        List<String> layers = new ArrayList<>();
        for (int k = 0; k < all.size(); k++) {
            layers.add(all.get(k).word() + " on layer " + k);
        }
        return "the activations in use (" + String.join(", ", layers) + "), tabulated over"
                + " [−10, 10]";
    }

    private static String ref(CellReference cell) {
        return new CellReference(cell.getRow(), cell.getCol()).formatAsString();
    }

    static Cell text(GeneratedSheet sheet, int r, int c, String value, CellStyle style) {
        Cell cell = sheet.cell(r, c);
        cell.setCellValue(value);
        if (style != null) {
            cell.setCellStyle(style);
        }
        return cell;
    }

    static void number(GeneratedSheet sheet, CellReference at, double value, CellStyle style) {
        Cell cell = sheet.cell(at.getRow(), at.getCol());
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    // The cached value lets programs that do not recalculate on load still show the number.
    // The streaming writer does not parse the formula: the twin tests evaluate every kind.
    static void formula(GeneratedSheet sheet, CellReference at, String formula, double cached,
            CellStyle style) {
        Cell cell = sheet.cell(at.getRow(), at.getCol());
        cell.setCellFormula(formula);
        cell.setCellValue(cached);
        cell.setCellStyle(style);
    }

    /** Writes to a temporary file beside {@code out}, then moves it into place. */
    static void save(XSSFWorkbook workbook, Path out) throws IOException {
        OutputTarget.save(workbook, out, null, String.valueOf(out.getFileName()));
    }
}
