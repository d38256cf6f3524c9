package gradbook.workbook;

import gradbook.core.Activation;
import gradbook.core.Matrix;
import gradbook.core.Network;
import gradbook.core.Training;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFName;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads a template: the defined names x, y, W_0 … W_(L−1), b_1 … b_L and eta, and the optional
 * activation, loss, batch_gradient, update_biases, optimizer, weight_layout and sample_layout
 * (see {@link FunctionNames}, {@link TemplateLayout}), and the optional numbers steps,
 * momentum, rho, beta_1, beta_2 and epsilon.
 *
 * <p>The number of layers is found from the names present. x and y hold one row per sample; a
 * single sample may be one row or one column. Every problem found is collected and
 * reported together, each with the file, sheet, cell and name involved. A workbook that gradbook
 * wrote before is read as the template it was made from: the sheets and names gradbook made
 * are removed first (see {@link Regeneration}).
 */
public final class TemplateReader {
    private final Path file;
    private final XSSFWorkbook workbook;
    private final NameResolver resolver;
    private final CellReader cells;
    private final List<String> problems = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, InputArea> areas = new LinkedHashMap<>();
    private final FunctionNames functions;
    /** The optional numbers of a training run. */
    private static final List<String> TRAINING_NUMBERS = List.of("steps", "momentum", "rho",
            "beta_1", "beta_2", "epsilon");

    private TemplateReader(Path file, XSSFWorkbook workbook) {
        this.file = file;
        this.workbook = workbook;
        XSSFFormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
        this.resolver = new NameResolver(workbook, evaluator._getWorkbookEvaluator());
        TemplateCells kept = TemplateCells.of(workbook);
        this.cells = new CellReader(fileName(), evaluator, problems, warnings, kept);
        this.functions = new FunctionNames(workbook, resolver, evaluator, fileName(), problems,
                kept);
    }

    /** Reads the template at {@code file}; the file itself is only read, never written. */
    public static Template read(Path file) throws TemplateException {
        return read(file, null);
    }

    /**
     * Reads the template at {@code file}, opening it with {@code password} when it is
     * password-protected ({@code password} may be null).
     */
    public static Template read(Path file, String password) throws TemplateException {
        WorkbookOpener.Opened opened = WorkbookOpener.open(file, password);
        Regeneration.Removed removed = Regeneration.strip(opened.workbook());
        TemplateReader reader = new TemplateReader(file, opened.workbook());
        if (opened.hadMacros()) {
            reader.warnings.add(reader.fileName() + ": a macro workbook; its macros are left out"
                    + " of the output, which is a plain .xlsx");
        }
        if (password != null && !opened.encrypted()) {
            reader.warnings.add(reader.fileName() + ": not password-protected, so --password is"
                    + " not needed, and an output written from it is not protected either");
        }
        if (!removed.isEmpty()) {
            reader.notes.add(reader.fileName() + ": written by gradbook before; replacing its "
                    + removed.sheets().size() + " generated sheets and " + removed.names().size()
                    + " generated names");
        }
        Network network = reader.readNetwork();
        if (!reader.problems.isEmpty()) {
            throw new TemplateException(reader.problems, reader.warnings);
        }
        return new Template(file, reader.workbook, network, Map.copyOf(reader.areas),
                reader.warnings, reader.notes, opened.encrypted() ? password : null,
                reader.functions.layout);
    }

    private Network readNetwork() {
        ParameterNames names = ParameterNames.find(workbook, fileName());
        warnings.addAll(names.warnings);
        problems.addAll(names.problems);
        int L = layerCount(names);
        List<String> expected = expected(L);
        checkRequiredNames(names, expected, L);
        functions.read(names.chosen);
        List<Activation> activation = functions.activations(L);
        boolean outByIn = functions.layout != null && functions.layout.outByIn();
        Map<String, Matrix> values = new HashMap<>();
        for (String key : expected) {
            XSSFName name = names.chosen.get(key);
            Matrix m = name == null ? null : read(key, name);
            if (m != null && isVector(key)) {
                m = vector(key, m);
            } else if (m != null && key.startsWith("W_") && outByIn) {
                areas.put(key, areas.get(key).asTransposed());
                m = m.transpose();
            }
            if (m != null) {
                values.put(key, m);
            }
        }
        Matrix eta = values.get("eta");
        if (eta != null && (eta.rows() != 1 || eta.cols() != 1)) {
            problems.add(fileName() + ", " + areas.get("eta").where() + ": eta is "
                    + eta.shape() + " but must be one cell; point eta at the learning rate's cell");
            values.remove("eta");
        }
        Training training = readTraining(names);
        if (!values.keySet().containsAll(expected) || activation == null
                || functions.layout == null) {
            return null;
        }
        List<Matrix> W = new ArrayList<>();
        List<Matrix> b = new ArrayList<>();
        for (int k = 0; k < L; k++) {
            W.add(values.get("W_" + k));
            b.add(values.get("b_" + (k + 1)));
        }
        Matrix x = samples("x", values.get("x"), W.get(0).rows());
        Matrix y = samples("y", values.get("y"), W.get(L - 1).cols());
        Network network = new Network(x, y, W, b, eta.get(0, 0), activation, functions.loss,
                functions.batch, functions.updateBiases, training);
        for (Network.ShapeProblem p : network.shapeProblemsByName()) {
            InputArea area = areas.get(p.name());
            String where = area != null ? area.where() : functions.where.get(p.name());
            problems.add(fileName() + (where == null ? "" : ", " + where) + ": " + p.message()
                    + (outByIn && p.name().matches("[Wb]_\\d+")
                            ? " (shapes as gradbook holds them: weight_layout out_by_in reads"
                                    + " each W_k transposed, so its rows here are its columns in"
                                    + " the template)" : ""));
        }
        return network;
    }

    // steps and the optimizer's hyper-parameters, each one number, checked where it is; the
    // hyper-parameters the optimizer uses and the template leaves out take their defaults.
    private Training readTraining(ParameterNames names) {
        Training training = Training.DEFAULT.withOptimizer(functions.optimizer);
        for (String key : TRAINING_NUMBERS) {
            XSSFName name = names.chosen.get(key);
            Matrix m = name == null ? null : read(key, name);
            if (m == null) {
                continue;
            }
            String at = fileName() + ", " + areas.get(key).where() + ": ";
            String problem = m.rows() * m.cols() != 1 ? key + " is " + m.shape() + " but must be"
                    + " one cell; point " + key + " at one number"
                    : Double.isNaN(m.get(0, 0)) ? null : Training.problem(key, m.get(0, 0));
            if (problem != null) {
                problems.add(at + problem);
            } else if (!Double.isNaN(m.get(0, 0))) {
                double v = m.get(0, 0);
                training = key.equals("steps") ? training.withSteps((int) v)
                        : training.with(key, v);
                if (!key.equals("steps") && !training.hyperParameters().contains(key)) {
                    warnings.add(at + "the optimizer " + training.optimizer().word()
                            + " does not use " + key + "; gradbook ignores it");
                }
            }
        }
        for (String h : training.hyperParameters()) {
            areas.putIfAbsent(h, InputArea.standard(h, training.value(h)));
        }
        return training;
    }

    // x and y hold one row per sample, a column per sample in the core. One column is one
    // sample, unless the layer it meets is one unit wide: then each of its rows is a sample.
    // Under sample_layout columns they are read as they stand.
    private Matrix samples(String key, Matrix m, int width) {
        if (functions.layout.sampleColumns()) {
            return m;
        }
        if (m.cols() == 1 && !(width == 1 && m.rows() > 1)) {
            return m;
        }
        areas.put(key, areas.get(key).asTransposed());
        return m.transpose();
    }

    private static int layerCount(ParameterNames names) {
        TreeSet<String> present = new TreeSet<>(names.chosen.keySet());
        present.addAll(names.misspelled.keySet());
        present.addAll(names.hidden);
        int L = 0;
        for (String n : present) {
            if (n.startsWith("W_")) {
                L = Math.max(L, Integer.parseInt(n.substring(2)) + 1);
            } else if (n.startsWith("b_")) {
                L = Math.max(L, Integer.parseInt(n.substring(2)));
            }
        }
        return Math.max(L, 1);
    }

    private static List<String> expected(int L) {
        List<String> expected = new ArrayList<>(List.of("x", "y"));
        for (int k = 0; k < L; k++) {
            expected.add("W_" + k);
        }
        for (int k = 1; k <= L; k++) {
            expected.add("b_" + k);
        }
        expected.add("eta");
        return expected;
    }

    private void checkRequiredNames(ParameterNames names, List<String> expected, int L) {
        for (String key : expected) {
            if (names.misspelled.containsKey(key)) {
                problems.add(names.misspelledProblem(key));
            } else if (names.hidden.contains(key)) {
                problems.add(fileName() + ", name " + key + ": the name is hidden, and a hidden"
                        + " name is never a parameter (add-ins hide their own names); delete it"
                        + " and define " + key + " again as a visible name");
            }
        }
        List<String> missing = expected.stream().filter(n -> !names.chosen.containsKey(n)
                && !names.misspelled.containsKey(n) && !names.hidden.contains(n)).toList();
        if (missing.isEmpty()) {
            return;
        }
        String gap = missing.stream().anyMatch(n -> !n.equals("x") && !n.equals("y")
                && !n.equals("eta") && isBelowPresent(n, names))
                ? "; the layer numbers have a gap: number the layers 0, 1, 2 … without one"
                : "";
        problems.add(fileName() + ": the template does not define "
                + String.join(", ", missing) + " (found " + (names.chosen.isEmpty()
                        ? "no parameter names" : String.join(", ", names.chosen.keySet()))
                + "; a network of " + L + " layer" + (L == 1 ? "" : "s") + " needs "
                + String.join(", ", expected) + ")" + gap
                + "; define each as a name over the cells that hold it");
    }

    // W_1 is missing below a W_2 that is there: a gap, not a shorter network.
    private static boolean isBelowPresent(String missing, ParameterNames names) {
        String prefix = missing.substring(0, 2);
        int k = Integer.parseInt(missing.substring(2));
        return names.chosen.keySet().stream().anyMatch(n -> n.startsWith(prefix)
                && Integer.parseInt(n.substring(2)) > k);
    }

    private static boolean isVector(String key) {
        return key.startsWith("b_");
    }

    /** A matrix read from a name, NaN where a cell could not be read; null if unusable. */
    private Matrix read(String key, XSSFName name) {
        String scope = name.getSheetIndex() == -1 ? "" : " (on sheet " + name.getSheetName()
                + ")";
        NameResolver.Target target = resolver.resolve(name, key,
                fileName() + ", name " + key + scope);
        if (target instanceof NameResolver.Problem p) {
            problems.add(p.message());
            return null;
        }
        if (target instanceof NameResolver.Value v) {
            String sheet = name.getSheetIndex() == -1 ? null : name.getSheetName();
            areas.put(key, new InputArea(key, sheet, -1, -1, v.value().rows(), v.value().cols(),
                    false, v.formula()));
            notes.add(fileName() + ", name " + key + ": holds =" + v.formula()
                    + ", no cell; read it as its value");
            return v.value();
        }
        return readCells(key, oneCellIfMerged((NameResolver.Cells) target));
    }

    // A name over exactly one merged block means the block's one value, as a person sees it.
    private NameResolver.Cells oneCellIfMerged(NameResolver.Cells c) {
        Sheet sheet = workbook.getSheet(c.sheet());
        for (CellRangeAddress merged : sheet.getMergedRegions()) {
            if (c.rows() * c.cols() > 1 && merged.getFirstRow() == c.firstRow()
                    && merged.getFirstColumn() == c.firstCol()
                    && merged.getLastRow() == c.firstRow() + c.rows() - 1
                    && merged.getLastColumn() == c.firstCol() + c.cols() - 1) {
                return new NameResolver.Cells(c.sheet(), c.firstRow(), c.firstCol(), 1, 1);
            }
        }
        return c;
    }

    private Matrix readCells(String key, NameResolver.Cells c) {
        Sheet sheet = workbook.getSheet(c.sheet());
        areas.put(key, new InputArea(key, c.sheet(), c.firstRow(), c.firstCol(), c.rows(),
                c.cols(), false));
        double[][] values = new double[c.rows()][c.cols()];
        for (int i = 0; i < c.rows(); i++) {
            for (int j = 0; j < c.cols(); j++) {
                Double v = cells.read(sheet, c.firstRow() + i, c.firstCol() + j, key);
                values[i][j] = v == null ? Double.NaN : v;
            }
        }
        return Matrix.of(values);
    }

    // A bias vector may be written as a row or a column; the core takes a column.
    private Matrix vector(String key, Matrix m) {
        InputArea area = areas.get(key);
        if (m.rows() == 1 && m.cols() > 1) {
            areas.put(key, area.asTransposed());
            return m.transpose();
        }
        if (m.cols() != 1) {
            problems.add(fileName() + ", " + area.where() + ": " + key + " is "
                    + m.shape() + " but must be a vector; give it as a single row or column");
            return null;
        }
        return m;
    }

    private String fileName() {
        return file.getFileName().toString();
    }
}
