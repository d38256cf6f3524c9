package gradbook.workbook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gradbook.core.GradientCheck;
import gradbook.core.Quantity;
import gradbook.core.Section;
import gradbook.core.Trace;
import java.nio.charset.StandardCharsets;
import gradbook.core.Networks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * Issue #7, part 4: {@code --formulas all|auto|none}. none writes the Java values and their
 * names only; auto is all, byte for byte, up to {@value TwinCoverage#LIMIT} entries a quantity,
 * and beyond gives twins exactly at the entries it documents; all writes every twin.
 */
class FormulaModesTest {
    private static final Path FOLDER = Path.of("target", "formula-modes");
    private static final Path EXAMPLE = Path.of("templates", "worked-example.xlsx");
    /** The quantities of W_0's shape that auto limits, W_0 itself and ∂z/∂a aside. */
    private static final List<String> LIMITED = List.of("dE_dW_0", "fd_dE_dW_0",
            "fd_diff_dE_dW_0", "step_W_0", "W_0_new");

    @Test
    void none_writes_no_formula_on_the_generated_sheets_and_every_name() throws Exception {
        // given
        Generated all = Generated.fromTemplate(EXAMPLE, FOLDER, "example-all", FormulaMode.ALL);
        Generated none = Generated.fromTemplate(EXAMPLE, FOLDER, "example-none",
                FormulaMode.NONE);

        // when
        try (XSSFWorkbook withAll = RoundTripCheck.open(all.file());
                XSSFWorkbook withNone = RoundTripCheck.open(none.file())) {
            List<String> generated = new ArrayList<>(none.sheets());
            generated.add(GradientCheckSheet.NAME);

            // then no formula, every name over the same cells, the values as with all
            for (String sheet : generated) {
                assertEquals(List.of(), RoundTripCheck.formulaCells(List.of(withNone.getSheet(
                        sheet))).stream().map(c -> c.getAddress().formatAsString()).toList(),
                        sheet);
            }
            assertEquals(quantityNames(withAll), quantityNames(withNone));
            for (Quantity q : none.trace().quantities()) {
                Name name = withNone.getName(q.name());
                assertArrayEquals(WorkbookWriterTest.valuesAt(withAll, withAll.getName(
                        q.name())).toArray(), WorkbookWriterTest.valuesAt(withNone, name)
                        .toArray(), q.name());
            }
            assertTrue(text(withNone.getSheet(SheetPlan.NETWORK)).contains("Formula twins: none"
                    + " (--formulas none)"), "the Network sheet says why there are no twins");
            assertTrue(text(withNone.getSheet(GradientCheckSheet.NAME)).contains("as computed"
                    + " in Java (--formulas none"), "the Gradient Check sheet says so too");
            assertFalse(text(withNone.getSheet("First Layer")).contains("formula"),
                    "no formula header on a layer sheet");
        }
    }

    @Test
    void auto_on_a_small_network_is_all_byte_for_byte() throws Exception {
        Path random = FOLDER.resolve("random-template.xlsx");
        TemplateWriter.write(Networks.random(new Random(41), 30, 30, 4), "random", random);
        for (Path template : List.of(EXAMPLE, random)) {
            // given a layer of 900 weights, the most a test's network has
            String name = RealPrograms.baseName(template);
            Generated all = Generated.fromTemplate(template, FOLDER, name + "-all",
                    FormulaMode.ALL);
            Generated auto = Generated.fromTemplate(template, FOLDER, name + "-auto",
                    FormulaMode.AUTO);

            // when
            Map<String, byte[]> withAll = PackageParts.read(all.file());
            Map<String, byte[]> withAuto = PackageParts.read(auto.file());

            // then every part is the same but the record of the mode asked for
            assertEquals(withAll.keySet(), withAuto.keySet(), name);
            for (String part : withAll.keySet()) {
                String expected = new String(withAll.get(part), StandardCharsets.UTF_8);
                String actual = new String(withAuto.get(part), StandardCharsets.UTF_8);
                if (part.equals("docProps/custom.xml")) {
                    assertTrue(expected.contains("<vt:lpwstr>all</vt:lpwstr>"), expected);
                    actual = actual.replace("<vt:lpwstr>auto</vt:lpwstr>",
                            "<vt:lpwstr>all</vt:lpwstr>");
                }
                assertEquals(expected, actual, name + ": " + part);
            }
        }
    }

    @Test
    void auto_on_a_big_network_has_twins_exactly_where_it_says_and_each_agrees()
            throws Exception {
        // given W_0 of 320 × 40
        Generated g = Generated.autoLimited();
        Trace trace = g.trace();
        ErrorScales scales = new ErrorScales(trace);

        // when
        try (XSSFWorkbook wb = RoundTripCheck.open(g.file())) {
            WorkbookWriterTest.evaluateFresh(wb);
            List<Twin> twins = twins(wb, trace);

            // then each Java value has its twin exactly at the documented entries
            int written = 0;
            for (Twin t : twins) {
                boolean expected = t.entry == null || documented(trace, t.entry);
                assertEquals(expected, t.formula(), t.toString());
                if (!expected) {
                    continue;
                }
                written++;
                double scale = t.entry == null ? Math.abs(t.java.getNumericCellValue())
                        : scales.of(t.entry.name, t.entry.i, t.entry.j);
                assertEquals(t.java.getNumericCellValue(), t.twin.getNumericCellValue(),
                        Math.max(1e-12 * scale, 1e-15), "POI's value of " + t);
            }
            // (∂E/∂W_0, ΔW_0 and W_0 after the step; the checks have twins at every value)
            assertEquals(computedEntries(trace) - 3 * (12_800 - sample(trace)), written,
                    "twins written");

            // and the sheets say which entries have twins, and why
            assertTrue(text(wb.getSheet(SheetPlan.NETWORK)).contains("Formula twins: every"
                    + " quantity of a weight matrix's shape with more than 10,000 entries"));
            String derivatives = text(wb.getSheet("Derivatives"));
            assertTrue(derivatives.contains("320 × 40, the shape of W₀; formula twins only in"
                    + " row 1, column 1 and at the entries the gradient check samples ("
                    + sample(trace) + " of 12,800 entries)"), derivatives);
            assertTrue(text(wb.getSheet(GradientCheckSheet.NAME)).contains("has "
                    + GradientCheck.SAMPLE_SIZE + " of them checked"));
        }
    }

    @Test
    void all_on_a_big_network_writes_every_twin() throws Exception {
        // given
        Generated g = Generated.fromNetwork(Generated.big(), FOLDER, "big-all", FormulaMode.ALL);

        // when
        List<Twin> twins;
        try (XSSFWorkbook wb = RoundTripCheck.open(g.file())) {
            twins = twins(wb, g.trace());
        }

        // then every Java value has a formula beside it
        assertEquals(List.of(), twins.stream().filter(t -> !t.formula()).map(Twin::toString)
                .toList());
        assertEquals(computedEntries(g.trace()), twins.size(), "every computed entry");
    }

    /** A Java value and the cell of its twin; entry is null for an input's. */
    record Twin(Entry entry, Cell java, Cell twin) {
        boolean formula() {
            return twin != null && twin.getCellType() == CellType.FORMULA;
        }

        @Override
        public String toString() {
            return "the twin of " + new CellReference(java).formatAsString() + " ("
                    + (entry == null ? "an input" : entry) + ")";
        }
    }

    // Every computed entry's Java cell and twin cell: the inputs' on the Network sheet as
    // RoundTripCheck pairs them, the others by their names and the "formula" header above,
    // entry (i, j) in the core's indices whatever the template's weight layout.
    // (RoundTripCheck stops a block at its first blank, which a sampled check has.)
    static List<Twin> twins(XSSFWorkbook wb, Trace trace) {
        List<Twin> twins = new ArrayList<>();
        XSSFSheet network = wb.getSheet(SheetPlan.NETWORK);
        for (RoundTripCheck.Pair p : RoundTripCheck.pairs(wb, List.of(SheetPlan.NETWORK))) {
            twins.add(new Twin(null, cell(network, p.java()), cell(network, p.twin())));
        }
        // The Network sheet says when the template stores its weights output × input.
        TemplateLayout layout = new TemplateLayout(text(network).contains("weight_layout"
                + " out_by_in"), false);
        for (Quantity q : trace.quantities()) {
            if (q.isInput()) {
                continue;
            }
            AreaReference area = new AreaReference(wb.getName(q.name()).getRefersToFormula(),
                    SpreadsheetVersion.EXCEL2007);
            CellReference first = area.getFirstCell();
            XSSFSheet sheet = wb.getSheet(first.getSheetName());
            int offset = -1;
            for (Cell header : sheet.getRow(first.getRow() - 1)) {
                if (header.getCellType() == CellType.STRING
                        && header.getStringCellValue().equals("formula")) {
                    offset = header.getColumnIndex() - first.getCol();
                }
            }
            boolean transposed = layout.transposed(q);
            for (int i = 0; i < q.value().rows(); i++) {
                for (int j = 0; j < q.value().cols(); j++) {
                    if (Double.isNaN(q.value().get(i, j))) {
                        continue;
                    }
                    Row row = sheet.getRow(first.getRow() + (transposed ? j : i));
                    int col = first.getCol() + (transposed ? i : j);
                    twins.add(new Twin(new Entry(q.name(), i, j), row.getCell(col),
                            offset < 0 ? null : row.getCell(col + offset)));
                }
            }
        }
        return twins;
    }

    private static Cell cell(XSSFSheet sheet, CellReference at) {
        Row row = sheet.getRow(at.getRow());
        return row == null ? null : row.getCell(at.getCol());
    }

    // The entries Java computed (a sampled check leaves the rest NaN), of every quantity but
    // the inputs of the Weight Updates sheet (η), which RoundTripCheck does not pair.
    private static int computedEntries(Trace trace) {
        int n = 0;
        for (Quantity q : trace.quantities()) {
            if (q.isInput() && q.section() != Section.NETWORK) {
                continue;
            }
            for (int i = 0; i < q.value().rows(); i++) {
                for (int j = 0; j < q.value().cols(); j++) {
                    n += Double.isNaN(q.value().get(i, j)) ? 0 : 1;
                }
            }
        }
        return n;
    }

    // How many entries of W_0's shape auto gives a twin: row 1, column 1, the checked ones.
    private static int sample(Trace trace) {
        int n = 0;
        for (int i = 0; i < 320; i++) {
            for (int j = 0; j < 40; j++) {
                n += documented(trace, new Entry("dE_dW_0", i, j)) ? 1 : 0;
            }
        }
        return n;
    }

    private static Set<String> quantityNames(XSSFWorkbook wb) {
        Set<String> names = new HashSet<>();
        for (Name name : wb.getAllNames()) {
            if (name.getSheetIndex() < 0) {
                names.add(name.getNameName() + " = " + name.getRefersToFormula());
            }
        }
        return names;
    }

    /** Entry (i, j) of a quantity, in the core's indices. */
    record Entry(String name, int i, int j) {
    }

    // The documented twins of auto: every entry, but in the quantities of W_0's shape read
    // entry by entry, only row 1, column 1 and the entries the gradient check samples.
    static boolean documented(Trace trace, Entry e) {
        if (!LIMITED.contains(e.name)) {
            return true;
        }
        Set<String> probes = new HashSet<>();
        for (GradientCheck.Probe p : trace.probes()) {
            if (p.parameter().equals("W_0")) {
                probes.add(p.i() + "," + p.j());
            }
        }
        return e.i == 0 || e.j == 0 || probes.contains(e.i + "," + e.j);
    }

    private static String text(XSSFSheet sheet) {
        StringBuilder text = new StringBuilder();
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.STRING) {
                    text.append(cell.getStringCellValue()).append('\n');
                }
            }
        }
        return text.toString();
    }
}
