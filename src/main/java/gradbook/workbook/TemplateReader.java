package gradbook.workbook;

import gradbook.core.Matrix;
import gradbook.core.Network;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.EmptyFileException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OLE2NotOfficeXmlFileException;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.CellValue;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads a template: the workbook-scoped defined names x, y, W_0 … W_(L−1), b_1 … b_L and eta.
 *
 * <p>The number of layers is found from the names present. Every problem found is collected and
 * reported together, each with the file, sheet, cell and name involved.
 */
public final class TemplateReader {
    private static final Pattern PARAMETER = Pattern.compile("(x|y|eta|W_(\\d+)|b_(\\d+))",
            Pattern.CASE_INSENSITIVE);

    private final Path file;
    private final XSSFWorkbook workbook;
    private final FormulaEvaluator evaluator;
    private final List<String> problems = new ArrayList<>();
    private final Map<String, InputArea> areas = new LinkedHashMap<>();

    private TemplateReader(Path file, XSSFWorkbook workbook) {
        this.file = file;
        this.workbook = workbook;
        this.evaluator = workbook.getCreationHelper().createFormulaEvaluator();
    }

    /** Reads the template at {@code file}; the file itself is only read, never written. */
    public static Template read(Path file) throws TemplateException {
        TemplateReader reader = new TemplateReader(file, open(file));
        Network network = reader.readNetwork();
        if (!reader.problems.isEmpty()) {
            throw new TemplateException(reader.problems);
        }
        return new Template(file, reader.workbook, network, Map.copyOf(reader.areas));
    }

    private static XSSFWorkbook open(Path file) throws TemplateException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        if (!Files.exists(file)) {
            throw new TemplateException(file + ": no such file; give the path of an .xlsx template");
        }
        if (!Files.isRegularFile(file)) {
            throw new TemplateException(file + ": not a file; give the path of an .xlsx template");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        } catch (OLE2NotOfficeXmlFileException e) {
            throw new TemplateException(name + ": a legacy .xls workbook, not .xlsx; convert it"
                    + " with: soffice --headless --convert-to xlsx " + name, e);
        } catch (NotOfficeXmlFileException | EmptyFileException | POIXMLException e) {
            throw new TemplateException(name + ": not an .xlsx workbook (" + e.getMessage()
                    + "); save the template as an Excel 2007+ workbook (.xlsx)", e);
        } catch (IOException e) {
            throw new TemplateException(name + ": cannot be read (" + e.getMessage() + ")", e);
        } catch (RuntimeException e) {
            throw new TemplateException(name + ": not a readable .xlsx workbook (" + e + ")", e);
        }
    }

    private Network readNetwork() {
        Map<String, Name> names = parameterNames();
        int L = layerCount(names);
        checkRequiredNames(names, L);
        if (!problems.isEmpty()) {
            return null;
        }
        Matrix x = readVector(names.get("x"));
        Matrix y = readVector(names.get("y"));
        List<Matrix> W = new ArrayList<>();
        List<Matrix> b = new ArrayList<>();
        for (int k = 0; k < L; k++) {
            W.add(readMatrix(names.get("W_" + k)));
            b.add(readVector(names.get("b_" + (k + 1))));
        }
        Matrix eta = readMatrix(names.get("eta"));
        if (eta != null && (eta.rows() != 1 || eta.cols() != 1)) {
            problems.add(fileName() + ", " + areas.get("eta").where() + ": eta is "
                    + eta.shape() + " but must be one cell; point eta at the learning rate's cell");
        }
        if (!problems.isEmpty()) {
            return null;
        }
        Network network = new Network(x, y, W, b, eta.get(0, 0));
        for (Network.ShapeProblem p : network.shapeProblemsByName()) {
            InputArea area = areas.get(p.name());
            problems.add(fileName() + (area == null ? "" : ", " + area.where()) + ": "
                    + p.message());
        }
        return network;
    }

    /** The workbook-scoped names that hold parameters, by their canonical spelling. */
    private Map<String, Name> parameterNames() {
        Map<String, Name> found = new TreeMap<>();
        for (Name name : workbook.getAllNames()) {
            Matcher m = PARAMETER.matcher(name.getNameName());
            if (name.getSheetIndex() != -1 || name.isFunctionName() || !m.matches()) {
                continue;
            }
            found.put(canonical(m), name);
        }
        return found;
    }

    // Excel treats names case-insensitively, so w_0 is W_0.
    private static String canonical(Matcher m) {
        if (m.group(2) != null) {
            return "W_" + Integer.parseInt(m.group(2));
        }
        if (m.group(3) != null) {
            return "b_" + Integer.parseInt(m.group(3));
        }
        return m.group(1).toLowerCase(Locale.ROOT);
    }

    private static int layerCount(Map<String, Name> names) {
        int L = 0;
        for (String n : names.keySet()) {
            if (n.startsWith("W_")) {
                L = Math.max(L, Integer.parseInt(n.substring(2)) + 1);
            } else if (n.startsWith("b_")) {
                L = Math.max(L, Integer.parseInt(n.substring(2)));
            }
        }
        return Math.max(L, 1);
    }

    private void checkRequiredNames(Map<String, Name> names, int L) {
        List<String> expected = new ArrayList<>(List.of("x", "y"));
        for (int k = 0; k < L; k++) {
            expected.add("W_" + k);
        }
        for (int k = 1; k <= L; k++) {
            expected.add("b_" + k);
        }
        expected.add("eta");
        List<String> missing = expected.stream().filter(n -> !names.containsKey(n)).toList();
        if (!missing.isEmpty()) {
            problems.add(fileName() + ": the template does not define "
                    + String.join(", ", missing) + " (found " + (names.isEmpty() ? "no parameter names"
                    : String.join(", ", names.keySet())) + "; a network of " + L + " layer"
                    + (L == 1 ? "" : "s") + " needs " + String.join(", ", expected)
                    + "); define each as a workbook-scoped name over its cells");
        }
    }

    private Matrix readVector(Name name) {
        Matrix m = readMatrix(name);
        if (m == null) {
            return null;
        }
        InputArea area = areas.get(canonicalName(name));
        if (m.rows() == 1 && m.cols() > 1) {
            areas.put(area.name(), new InputArea(area.name(), area.sheet(), area.firstRow(),
                    area.firstCol(), area.rows(), area.cols(), true));
            return m.transpose();
        }
        if (m.cols() != 1) {
            String hint = area.name().equals("x")
                    ? "several samples (one per row) are not supported yet; give one sample"
                            + " as a single row or column"
                    : "give it as a single row or column";
            problems.add(fileName() + ", " + area.where() + ": " + area.name() + " is "
                    + m.shape() + " but must be a vector; " + hint);
            return null;
        }
        return m;
    }

    private Matrix readMatrix(Name name) {
        String key = canonicalName(name);
        String where = fileName() + ", name " + key;
        String formula = name.getRefersToFormula();
        if (formula == null || formula.isBlank() || formula.contains("#REF!")) {
            problems.add(where + ": points at " + (formula == null ? "nothing" : formula)
                    + "; define " + key + " again over the cells that hold it");
            return null;
        }
        AreaReference ref;
        try {
            ref = new AreaReference(formula, SpreadsheetVersion.EXCEL2007);
        } catch (RuntimeException e) {
            problems.add(where + ": holds " + formula + " rather than a range of cells; define "
                    + key + " over the cells that hold it");
            return null;
        }
        if (ref.isWholeColumnReference() || isWholeRow(ref)) {
            problems.add(where + ": points at a whole row or column (" + formula + "); define "
                    + key + " over just the cells that hold it");
            return null;
        }
        CellReference first = ref.getFirstCell();
        CellReference last = ref.getLastCell();
        Sheet sheet = first.getSheetName() == null ? null : workbook.getSheet(first.getSheetName());
        if (sheet == null) {
            problems.add(where + ": points at " + formula + ", which is not a sheet of this"
                    + " workbook; define " + key + " over cells of this workbook");
            return null;
        }
        int rows = last.getRow() - first.getRow() + 1;
        int cols = last.getCol() - first.getCol() + 1;
        InputArea area = new InputArea(key, sheet.getSheetName(), first.getRow(), first.getCol(),
                rows, cols, false);
        areas.put(key, area);
        double[][] values = new double[rows][cols];
        boolean ok = true;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                Double v = readNumber(sheet, area, first.getRow() + i, first.getCol() + j);
                ok &= v != null;
                values[i][j] = v == null ? Double.NaN : v;
            }
        }
        return ok ? Matrix.of(values) : null;
    }

    private static boolean isWholeRow(AreaReference ref) {
        return ref.getFirstCell().getCol() == 0
                && ref.getLastCell().getCol() == SpreadsheetVersion.EXCEL2007.getLastColumnIndex();
    }

    private Double readNumber(Sheet sheet, InputArea area, int r, int c) {
        Row row = sheet.getRow(r);
        Cell cell = row == null ? null : row.getCell(c);
        String where = fileName() + ", sheet " + sheet.getSheetName() + ", cell "
                + new CellReference(r, c).formatAsString() + " (range " + area.name() + ")";
        if (cell == null || cell.getCellType() == CellType.BLANK) {
            problems.add(where + ": the cell is empty; type a number in it");
            return null;
        }
        try {
            CellValue value = evaluator.evaluate(cell);
            switch (value.getCellType()) {
                case NUMERIC:
                    if (!Double.isFinite(value.getNumberValue())) {
                        problems.add(where + ": expected a finite number but found "
                                + value.getNumberValue());
                        return null;
                    }
                    return value.getNumberValue();
                case STRING:
                    problems.add(where + ": expected a number but found the text \""
                            + value.getStringValue() + "\"; type a number in the cell");
                    return null;
                case BOOLEAN:
                    problems.add(where + ": expected a number but found the truth value "
                            + value.getBooleanValue() + "; type a number in the cell");
                    return null;
                default:
                    problems.add(where + ": expected a number but found an error value"
                            + describeFormula(cell) + "; correct the cell");
                    return null;
            }
        } catch (RuntimeException e) {
            problems.add(where + ": its formula " + describeFormula(cell).trim()
                    + " cannot be evaluated (" + e.getMessage() + "); replace it with a number");
            return null;
        }
    }

    private static String describeFormula(Cell cell) {
        return cell.getCellType() == CellType.FORMULA ? " from =" + cell.getCellFormula() : "";
    }

    private static String canonicalName(Name name) {
        Matcher m = PARAMETER.matcher(name.getNameName());
        return m.matches() ? canonical(m) : name.getNameName();
    }

    private String fileName() {
        return file.getFileName().toString();
    }
}
