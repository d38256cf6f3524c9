package gradbook.workbook;

import gradbook.core.Activation;
import gradbook.core.BatchGradient;
import gradbook.core.Loss;
import gradbook.core.Network;
import gradbook.core.Optimizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.CellValue;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFName;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads the optional names that choose the functions of a template's network: {@code
 * activation} (one word for every layer, or a row or column of one word per layer),
 * {@code loss}, {@code batch_gradient} and {@code optimizer} (one word each), {@code
 * update_biases} (TRUE or FALSE), and the layouts {@code weight_layout} and {@code
 * sample_layout} (see {@link TemplateLayout}). A name over cells reads the text in them; a name
 * may also hold the word itself, e.g. ="tanh" or =FALSE. Absent names keep the document's
 * choices: sigmoid, half_sse, sum, TRUE, sgd, in_by_out, rows.
 */
final class FunctionNames {
    static final String ACTIVATION = "activation";
    static final String LOSS = "loss";
    static final String BATCH = "batch_gradient";
    static final String UPDATE_BIASES = "update_biases";
    static final String OPTIMIZER = "optimizer";
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");
    private static final Pattern TRUTH = Pattern.compile("(?i)TRUE|FALSE");

    /** What was read: the words and where each name is, for the messages that follow. */
    List<String> activation;
    Loss loss = Loss.HALF_SSE;
    BatchGradient batch = BatchGradient.SUM;
    boolean updateBiases = true;
    /** The layouts read; null when one of their words could not be read. */
    TemplateLayout layout = TemplateLayout.DEFAULT;
    Optimizer optimizer = Optimizer.SGD;
    final Map<String, String> where = new HashMap<>();

    private final XSSFWorkbook workbook;
    private final NameResolver resolver;
    private final FormulaEvaluator evaluator;
    private final String file;
    private final List<String> problems;
    private final TemplateCells kept;

    FunctionNames(XSSFWorkbook workbook, NameResolver resolver, FormulaEvaluator evaluator,
            String file, List<String> problems, TemplateCells kept) {
        this.kept = kept;
        this.workbook = workbook;
        this.resolver = resolver;
        this.evaluator = evaluator;
        this.file = file;
        this.problems = problems;
    }

    /** Reads the names present among {@code chosen}; problems go to the reader's list. */
    void read(Map<String, XSSFName> chosen) {
        if (chosen.containsKey(ACTIVATION)) {
            activation = words(ACTIVATION, chosen.get(ACTIVATION));
        }
        if (chosen.containsKey(LOSS)) {
            loss = one(LOSS, chosen.get(LOSS), Loss::byWord, Loss.words(), loss);
        }
        if (chosen.containsKey(BATCH)) {
            batch = one(BATCH, chosen.get(BATCH), BatchGradient::byWord, BatchGradient.words(),
                    batch);
        }
        if (chosen.containsKey(UPDATE_BIASES)) {
            updateBiases = one(UPDATE_BIASES, chosen.get(UPDATE_BIASES),
                    w -> TRUTH.matcher(w.strip()).matches() ? Boolean.valueOf(w.strip()) : null,
                    "TRUE, FALSE", true);
        }
        if (chosen.containsKey(OPTIMIZER)) {
            optimizer = one(OPTIMIZER, chosen.get(OPTIMIZER), Optimizer::byWord,
                    Optimizer.words(), optimizer);
        }
        Boolean outByIn = layout(TemplateLayout.WEIGHT, chosen, TemplateLayout.WEIGHT_WORDS);
        Boolean columns = layout(TemplateLayout.SAMPLE, chosen, TemplateLayout.SAMPLE_WORDS);
        layout = outByIn == null || columns == null ? null
                : new TemplateLayout(outByIn, columns);
    }

    // weight_layout and sample_layout: the second word of each departs from the document;
    // null after reporting a word that is neither, since no shape can be judged without it.
    private Boolean layout(String key, Map<String, XSSFName> chosen, List<String> words) {
        if (!chosen.containsKey(key)) {
            return false;
        }
        return one(key, chosen.get(key), w -> TemplateLayout.second(w, words),
                String.join(", ", words), null);
    }

    /** The activation of each of {@code layers} layers, or null after reporting why not. */
    List<Activation> activations(int layers) {
        if (activation == null) {
            return Network.sigmoids(layers);
        }
        if (activation.size() != 1 && activation.size() != layers) {
            problems.add(file + ", " + where.get(ACTIVATION) + ": activation has "
                    + activation.size() + " words but the network has " + layers + " layer"
                    + (layers == 1 ? "" : "s") + "; give one word for every layer, or one per"
                    + " layer, the first layer's first");
            return null;
        }
        List<Activation> functions = new ArrayList<>();
        for (int k = 0; k < layers; k++) {
            String word = activation.get(activation.size() == 1 ? 0 : k);
            Activation f = Activation.byWord(word);
            if (f == null) {
                problems.add(file + ", " + where.get(ACTIVATION) + ": expected an activation ("
                        + Activation.words() + ") but found \"" + word + "\""
                        + (activation.size() == 1 ? "" : " for layer " + k)
                        + "; type one of those words");
                return null;
            }
            functions.add(f);
        }
        return functions;
    }

    private <T> T one(String key, XSSFName name, Function<String, T> byWord, String allowed,
            T fallback) {
        List<String> words = words(key, name);
        if (words == null) {
            return fallback;
        }
        if (words.size() != 1) {
            problems.add(file + ", " + where.get(key) + ": " + key + " holds " + words.size()
                    + " words but takes one (" + allowed + "); point it at one cell");
            return fallback;
        }
        T value = byWord.apply(words.get(0));
        if (value == null) {
            problems.add(file + ", " + where.get(key) + ": expected one of " + allowed
                    + " but found \"" + words.get(0) + "\"; type one of those words");
            return fallback;
        }
        return value;
    }

    // The words of a name over cells, in reading order, or of a name holding ="word".
    private List<String> words(String key, XSSFName name) {
        String formula = name.getRefersToFormula();
        Matcher quoted = formula == null ? null : QUOTED.matcher(formula.strip());
        if (quoted != null && quoted.matches()) {
            where.put(key, "name " + key + " (=" + formula + ")");
            return List.of(quoted.group(1));
        }
        if (quoted != null && TRUTH.matcher(formula.strip()).matches()) {
            where.put(key, "name " + key + " (=" + formula + ")");
            return List.of(formula.strip());
        }
        NameResolver.Target target = resolver.resolve(name, key, file + ", name " + key);
        if (target instanceof NameResolver.Problem p) {
            problems.add(p.message());
            return null;
        }
        if (target instanceof NameResolver.Value v) {
            problems.add(file + ", name " + key + ": holds =" + v.formula() + ", a number, but "
                    + key + " takes a word; point it at the cell with the word, or write it"
                    + " in quotes, =\"" + example(key) + "\"");
            return null;
        }
        NameResolver.Cells c = (NameResolver.Cells) target;
        if (c.rows() > 1 && c.cols() > 1) {
            where.put(key, "sheet " + c.sheet() + ", cells " + range(c) + " (name " + key + ")");
            problems.add(file + ", " + where.get(key) + ": " + key + " is " + c.rows() + " × "
                    + c.cols() + " but takes one row or one column of words");
            return null;
        }
        where.put(key, "sheet " + c.sheet() + ", " + (c.rows() * c.cols() == 1 ? "cell " : "cells ")
                + range(c) + " (name " + key + ")");
        Sheet sheet = workbook.getSheet(c.sheet());
        List<String> words = new ArrayList<>();
        for (int i = 0; i < c.rows(); i++) {
            for (int j = 0; j < c.cols(); j++) {
                String word = word(sheet, c.firstRow() + i, c.firstCol() + j, key);
                if (word == null) {
                    return null;
                }
                words.add(word);
            }
        }
        return words;
    }

    private String word(Sheet sheet, int r, int col, String key) {
        Cell cell = TemplateCells.cell(sheet, r, col);
        String at = file + ", sheet " + sheet.getSheetName() + ", cell "
                + new CellReference(r, col).formatAsString() + " (name " + key + ")";
        TemplateCells.Stored stored = cell == null ? kept.stored(sheet, r, col) : null;
        if (stored != null) {
            problems.add(at + ": expected a word such as " + example(key) + " but found the"
                    + " number " + stored.value() + "; type the word");
            return null;
        }
        if (cell == null || cell.getCellType() == CellType.BLANK) {
            problems.add(at + ": the cell is empty; type " + key + "'s word in it, e.g. "
                    + example(key));
            return null;
        }
        CellValue value;
        try {
            value = evaluator.evaluate(cell);
        } catch (RuntimeException e) {
            problems.add(at + ": its formula cannot be evaluated by gradbook; type the word");
            return null;
        }
        if (value.getCellType() == CellType.BOOLEAN) {
            return value.getBooleanValue() ? "TRUE" : "FALSE";
        }
        if (value.getCellType() != CellType.STRING || value.getStringValue().isBlank()) {
            problems.add(at + ": expected a word such as " + example(key) + " but found "
                    + (value.getCellType() == CellType.NUMERIC ? "the number "
                            + value.getNumberValue() : "no text") + "; type the word");
            return null;
        }
        return value.getStringValue();
    }

    private static String example(String key) {
        return switch (key) {
            case ACTIVATION -> "tanh";
            case LOSS -> "cross_entropy";
            case UPDATE_BIASES -> "FALSE";
            case TemplateLayout.WEIGHT -> "out_by_in";
            case TemplateLayout.SAMPLE -> "columns";
            case OPTIMIZER -> "adam";
            default -> "mean";
        };
    }

    private static String range(NameResolver.Cells c) {
        CellReference first = new CellReference(c.firstRow(), c.firstCol());
        CellReference last = new CellReference(c.firstRow() + c.rows() - 1,
                c.firstCol() + c.cols() - 1);
        return c.rows() * c.cols() == 1 ? first.formatAsString()
                : first.formatAsString() + ":" + last.formatAsString();
    }
}
