package gradbook.audit;

import com.google.gson.stream.JsonWriter;
import gradbook.core.Matrix;
import gradbook.core.Quantity;
import gradbook.core.Trace;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An answer key: every value gradbook computes for a template, entry by entry, with the
 * tolerance a grader applies, the cell where the template asks for it (its hand_ name) and the
 * cell where the generated workbook shows it. Documented in the README; fields may be added,
 * never renamed or removed.
 */
public final class AnswerKey {
    /** The CSV columns, in order. */
    public static final List<String> CSV_COLUMNS = List.of("name", "row", "col", "expected",
            "tolerance", "six_digits", "hand_cell", "output_cell");

    private final String template;
    private final Trace trace;
    private final Tolerance tolerance;
    // By quantity name; a key of a big network has millions of entries, so each entry's hand
    // cell is looked up as it is written rather than kept in a map of its own.
    private final Map<String, HandValue> hands = new HashMap<>();
    private final Map<String, Layout> layouts = new HashMap<>();
    private final Map<String, List<List<String>>> outputCells;

    /**
     * @param hands the template's hand values, for where each entry is asked for
     * @param outputCells by quantity name, the cell of each entry in the generated workbook
     */
    public AnswerKey(String template, Trace trace, Tolerance tolerance, List<HandValue> hands,
            Map<String, List<List<String>>> outputCells) {
        this.template = template;
        this.trace = trace;
        this.tolerance = tolerance;
        this.outputCells = outputCells;
        for (HandValue h : hands) {
            this.hands.put(h.name(), h);
            layouts.put(h.name(), Layout.of(trace.get(h.name()), h.rows(), h.cols()));
        }
    }

    /**
     * True when {@code file} begins as a key gradbook writes, JSON or CSV: such a file may be
     * replaced by a new key without --force, as a workbook gradbook wrote may be by a new run.
     */
    public static boolean isKey(Path file) throws IOException {
        String start;
        try (InputStream in = Files.newInputStream(file)) {
            start = new String(in.readNBytes(200), StandardCharsets.UTF_8);
        }
        return start.matches("(?s)\\{\\s*\"format\": \"gradbook-key\",.*")
                || start.startsWith(Csv.line(CSV_COLUMNS));
    }

    /** The widest gap from {@code expected} that still matches, apart from the rounding rule. */
    public double allowance(double expected) {
        return Math.max(tolerance.relative() * Math.abs(expected), Tolerance.ABSOLUTE);
    }

    /**
     * Writes the key as JSON to {@code out}, entry by entry, ending in a line break; a key of a
     * big network runs to hundreds of MB, so it is never held whole. {@code out} is flushed,
     * not closed.
     */
    public void writeJson(Writer out) throws IOException {
        JsonWriter json = new JsonWriter(out);
        json.setIndent("  ");
        json.beginObject();
        json.name("format").value("gradbook-key");
        json.name("version").value(1);
        json.name("template").value(template);
        json.name("convention").value(trace.convention().word());
        Json.tolerance(json, tolerance);
        json.name("entries").beginArray();
        for (Quantity q : keyed()) {
            Matrix v = q.value();
            for (int i = 0; i < v.rows(); i++) {
                for (int j = 0; j < v.cols(); j++) {
                    if (Double.isNaN(v.get(i, j))) {
                        continue;
                    }
                    json.beginObject();
                    json.name("name").value(q.name());
                    json.name("row").value(i + 1);
                    json.name("col").value(j + 1);
                    json.name("expected").value(v.get(i, j));
                    json.name("tolerance").value(allowance(v.get(i, j)));
                    json.name("six_digits").value(SixDigits.format(v.get(i, j)));
                    json.name("hand_cell").value(handCell(q.name(), i, j));
                    json.name("output_cell").value(outputCell(q.name(), i, j));
                    json.endObject();
                }
            }
        }
        json.endArray();
        json.endObject();
        // Closing the JsonWriter would close out, which may be standard output.
        json.flush();
        out.write(System.lineSeparator());
        out.flush();
    }

    /** Writes the key as CSV to {@code out}, line by line, as {@link #writeJson} does. */
    public void writeCsv(Writer out) throws IOException {
        out.write(Csv.line(CSV_COLUMNS));
        for (Quantity q : keyed()) {
            Matrix v = q.value();
            for (int i = 0; i < v.rows(); i++) {
                for (int j = 0; j < v.cols(); j++) {
                    double e = v.get(i, j);
                    if (Double.isNaN(e)) {
                        continue;
                    }
                    out.write(Csv.line(List.of(q.name(), Integer.toString(i + 1),
                            Integer.toString(j + 1), Csv.number(e), Csv.number(allowance(e)),
                            SixDigits.format(e), orEmpty(handCell(q.name(), i, j)),
                            orEmpty(outputCell(q.name(), i, j)))));
                }
            }
        }
        out.flush();
    }

    // Every computed quantity; the inputs are the template's own cells.
    private List<Quantity> keyed() {
        return trace.quantities().stream().filter(q -> !q.isInput()).toList();
    }

    private String outputCell(String name, int i, int j) {
        List<List<String>> cells = outputCells.get(name);
        return cells == null ? null : cells.get(i).get(j);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    // The cell where the template asks for entry (i, j) of the quantity, or null.
    private String handCell(String name, int i, int j) {
        HandValue h = hands.get(name);
        if (h == null) {
            return null;
        }
        Layout layout = layouts.get(name);
        return h.cells().get(layout.row(i, j)).get(layout.col(i, j)).cell();
    }
}
