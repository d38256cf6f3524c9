package gradbook.workbook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import gradbook.core.Activation;
import gradbook.core.BatchGradient;
import gradbook.core.GradientCheck;
import gradbook.core.GradientStep;
import gradbook.core.Loss;
import gradbook.core.Matrix;
import gradbook.core.Network;
import gradbook.core.Networks;
import gradbook.core.Operation;
import gradbook.core.Optimizer;
import gradbook.core.Quantity;
import gradbook.core.Trace;
import gradbook.core.Trainer;
import gradbook.core.Training;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole path, template to written workbook, opened again with POI as a spreadsheet program
 * would open it: the formula twins recomputed from scratch, the names, the sheets.
 */
class WorkbookWriterTest {
    private static final Path FOLDER = Path.of("target", "test-workbooks", "WorkbookWriterTest");
    private static final Path WORKED_EXAMPLE = Path.of("templates", "worked-example.xlsx");
    /**
     * A twin equals its Java value within 1e-12 relative to the numbers it is computed from
     * (see {@link ErrorScales}; without cancellation, relative to the value), or 1e-15 absolute.
     */
    private static final double RELATIVE = 1e-12;
    private static final double ABSOLUTE = 1e-15;
    /** Stored in every formula cell before evaluating, so no cached value can pass for a result. */
    private static final double POISON = -987654.321;
    private static final String[] ORDINALS = {"First", "Second", "Third", "Fourth"};

    /** The worked example, the narrowest and widest networks, and 20 seeded random ones. */
    static Stream<Arguments> networks() {
        Stream<Arguments> fixed = Stream.of(
                arguments("worked-example", SampleNetworks.workedExample()),
                arguments("widths-1-1", SampleNetworks.withWidths(new Random(1), 1, 1)),
                arguments("widths-6-6-6-6-6",
                        SampleNetworks.withWidths(new Random(6), 6, 6, 6, 6, 6)));
        Stream<Arguments> random = LongStream.rangeClosed(1, 20)
                .mapToObj(seed -> arguments("random-" + seed, SampleNetworks.random(seed)));
        return Stream.concat(fixed, random);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void every_formula_evaluates_to_its_java_value_and_every_difference_to_zero(
            String name, Network network) throws Exception {
        assertEveryFormulaEvaluatesToItsJavaValue(name, network);
    }

    /**
     * Issue #7: every allowed pair of last activation and loss, summed and averaged over 1 to 4
     * samples, the hidden activations drawn by the seed.
     */
    static Stream<Arguments> networksWithFunctions() {
        List<Arguments> all = new ArrayList<>();
        long seed = 0;
        for (Activation last : Activation.values()) {
            for (Loss loss : Loss.values()) {
                if (loss.problem(last, Matrix.column(0.5)) != null) {
                    continue;
                }
                for (BatchGradient batch : BatchGradient.values()) {
                    seed++;
                    all.add(arguments(last.word() + "-" + loss.word() + "-" + batch.word(),
                            Networks.random(seed, last, loss, batch)));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networksWithFunctions")
    void every_formula_under_the_chosen_functions_evaluates_to_its_java_value(String name,
            Network network) throws Exception {
        assertEveryFormulaEvaluatesToItsJavaValue(name, network);
    }

    /**
     * Issue #7: runs of several steps, one per optimizer and last activation, some
     * hyper-parameters given in the template and the others left to their defaults.
     */
    static Stream<Arguments> networksWithOptimizers() {
        List<Arguments> all = new ArrayList<>();
        long seed = 40;
        for (Optimizer optimizer : Optimizer.values()) {
            for (Activation last : List.of(Activation.SIGMOID, Activation.SOFTMAX)) {
                seed++;
                Training training = Training.DEFAULT.withSteps(5).withOptimizer(optimizer);
                if (optimizer == Optimizer.RMSPROP) {
                    training = training.with("rho", 0.8);
                } else if (optimizer == Optimizer.ADAM) {
                    training = training.with("beta_1", 0.85).with("epsilon", 1e-6);
                }
                Loss loss = last == Activation.SOFTMAX ? Loss.CROSS_ENTROPY : Loss.HALF_SSE;
                all.add(arguments(optimizer.word() + "-" + last.word(), Networks.random(seed,
                        last, loss, BatchGradient.MEAN).withTraining(training)));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networksWithOptimizers")
    void every_formula_of_a_run_s_first_step_evaluates_to_its_java_value(String name,
            Network network) throws Exception {
        assertEveryFormulaEvaluatesToItsJavaValue(name, network);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networksWithOptimizers")
    void the_training_sheet_names_the_final_parameters_and_the_loss_of_every_step(String name,
            Network network) throws Exception {
        // given
        Run run = run(name, network);
        Network read = run.template().network();
        Trainer.Run expected = Trainer.run(network);
        int steps = network.training().steps();

        // when
        try (XSSFWorkbook output = open(run.output())) {

            // then
            assertEquals(network.training(), read.training(), name + ": the training read back");
            XSSFSheet training = output.getSheet("Training");
            assertNotNull(training, name + ": a Training sheet");
            for (int k = 0; k < network.layers(); k++) {
                assertNamed(output, "W_" + k + "_final", expected.W().get(k), name);
                assertNamed(output, "b_" + (k + 1) + "_final", expected.b().get(k), name);
            }
            double[][] before = new double[steps][1];
            double[][] after = new double[steps][1];
            for (int t = 1; t <= steps; t++) {
                before[t - 1][0] = expected.after(t - 1);
                after[t - 1][0] = expected.after(t);
            }
            assertNamed(output, "E_before_step", Matrix.of(before), name);
            assertNamed(output, "E_after_step", Matrix.of(after), name);
            assertEquals(1, training.getDrawingPatriarch().getCharts().size(), name + ": chart");
            assertEquals(run.trace().E(), expected.after(0), name + ": E before step 1 is E");
        }
    }

    // The name is workbook-scoped and its cells hold exactly {@code expected}, in its shape.
    private static void assertNamed(XSSFWorkbook output, String name, Matrix expected,
            String where) {
        Name n = output.getName(name);
        assertNotNull(n, where + ": the name " + name);
        assertEquals(-1, n.getSheetIndex(), where + ": " + name + " is workbook-scoped");
        assertEquals(expected, valuesAt(output, n), where + ": " + name + " ("
                + n.getRefersToFormula() + ")");
    }

    // Issue #7: steps = 1 and optimizer sgd named in the template change nothing that gradbook
    // writes: every part of the output but the template's own names and digest is byte-identical.
    @Test
    void one_step_of_sgd_named_in_the_template_writes_the_same_bytes_as_none() throws Exception {
        // given
        // The same file name in two folders, since the workbook names its template.
        Path plain = Files.createDirectories(folder().resolve("plain")).resolve("one-step.xlsx");
        Path named = Files.createDirectories(folder().resolve("named")).resolve("one-step.xlsx");
        Files.copy(WORKED_EXAMPLE, plain, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(WORKED_EXAMPLE, named, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        // Both saved by POI: a big template's sheets reach the output as the template has
        // them (see OriginalSheets), and POI writes them otherwise than the committed file.
        try (XSSFWorkbook wb = open(plain); OutputStream out = Files.newOutputStream(plain)) {
            wb.write(out);
        }
        try (XSSFWorkbook wb = open(named)) {
            Name steps = wb.createName();
            steps.setNameName("steps");
            steps.setRefersToFormula("1");
            Name optimizer = wb.createName();
            optimizer.setNameName("optimizer");
            optimizer.setRefersToFormula("\"sgd\"");
            try (OutputStream out = Files.newOutputStream(named)) {
                wb.write(out);
            }
        }

        // when
        Map<String, byte[]> a = zipEntries(write(plain));
        Map<String, byte[]> b = zipEntries(write(named));

        // then
        assertEquals(a.keySet(), b.keySet(), "the parts of the package");
        List<String> differing = new ArrayList<>();
        for (String part : a.keySet()) {
            if (!java.util.Arrays.equals(a.get(part), b.get(part))) {
                differing.add(part);
            }
        }
        assertEquals(List.of("docProps/core.xml", "docProps/custom.xml", "xl/workbook.xml"),
                differing, "parts that differ: only the template's digest (in the description"
                        + " and the custom properties) and its two names");
    }

    // Found by RunCommandPropertyTest: a flipped byte in <bookViews> left the template without
    // its one workbook view, and POI's setActiveSheet failed without one.
    @Test
    void writes_a_template_without_a_workbook_view_and_opens_it_on_the_network_sheet()
            throws Exception {
        // given
        Path file = Files.createDirectories(folder().resolve("no-view")).resolve("one-step.xlsx");
        try (XSSFWorkbook wb = open(WORKED_EXAMPLE)) {
            wb.getCTWorkbook().getBookViews().removeWorkbookView(0);
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }

        // when
        Path out = write(file);

        // then
        try (XSSFWorkbook output = open(out)) {
            assertEquals(SheetPlan.NETWORK, output.getSheetName(output.getActiveSheetIndex()));
        }
    }

    private static Path write(Path templateFile) throws Exception {
        Template template = TemplateReader.read(templateFile);
        Path out = templateFile.resolveSibling("one-step-gradbook.xlsx");
        WorkbookWriter.write(template, GradientStep.take(template.network()), out);
        template.workbook().close();
        return out;
    }

    private static Map<String, byte[]> zipEntries(Path file) throws IOException {
        Map<String, byte[]> entries = new TreeMap<>();
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            for (var e : java.util.Collections.list(zip.entries())) {
                try (InputStream in = zip.getInputStream(e)) {
                    entries.put(e.getName(), in.readAllBytes());
                }
            }
        }
        return entries;
    }

    private static void assertEveryFormulaEvaluatesToItsJavaValue(String name, Network network)
            throws Exception {
        // given
        Run run = run(name, network);
        ErrorScales scales = new ErrorScales(run.trace());

        // when
        try (XSSFWorkbook output = open(run.output())) {
            evaluateFresh(output);

            // then
            for (Quantity q : run.trace().quantities()) {
                Block block = find(output, q);
                for (int i = 0; i < q.value().rows(); i++) {
                    for (int j = 0; j < q.value().cols(); j++) {
                        double v = q.value().get(i, j);
                        double tolerance = tolerance(scales.of(q.name(), i, j));
                        String entry = name + ", " + q.name() + "[" + i + "][" + j + "]";
                        assertEquals(v, number(block.java(i, j)), entry + " Java cell");
                        assertClose(entry + " twin", v, number(block.twin(i, j)), tolerance);
                        assertClose(entry + " formula − Java", 0,
                                number(block.difference(i, j)), tolerance);
                    }
                }
            }
            assertActivationTableEvaluates(output.getSheet(SheetPlan.ACTIVATION));
        }
    }

    // S(x) over [−10, 10] in steps of ½: the x column, the Java column, the formula beside it
    // and their difference.
    // With several activations, each takes three columns: Java, formula, difference.
    private static void assertActivationTableEvaluates(XSSFSheet activation) {
        int functions = (activation.getRow(3).getLastCellNum() - 2) / 3;
        for (int r = 4; r <= 44; r++) {
            Row row = activation.getRow(r);
            double x = -10 + 0.5 * (r - 4);
            assertEquals(x, number(row, 1), "x, " + where(row.getCell(1)));
            for (int n = 0; n < functions; n++) {
                String f = activation.getRow(3).getCell(2 + 3 * n).getStringCellValue();
                double s = number(row, 2 + 3 * n);
                assertClose(f + " at " + x + ", formula", s, number(row, 3 + 3 * n),
                        tolerance(s));
                assertClose(f + " at " + x + ", formula − Java", 0, number(row, 4 + 3 * n),
                        tolerance(s));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void every_generated_name_is_workbook_scoped_with_the_quantitys_shape_and_values(
            String name, Network network) throws Exception {
        // given
        Run run = run(name, network);
        Map<String, int[]> expected = generatedNames(network);

        // when
        try (XSSFWorkbook output = open(run.output());
                XSSFWorkbook template = open(run.templateFile())) {

            // then
            Set<String> all = new TreeSet<>(expected.keySet());
            template.getAllNames().forEach(n -> all.add(n.getNameName()));
            // Print areas and titles are built-in names (_xlnm.*) of the page set-up, not ours.
            Set<String> actual = new TreeSet<>();
            output.getAllNames().stream().filter(n -> !n.getNameName().startsWith("_xlnm."))
                    .forEach(n -> actual.add(n.getNameName()));
            assertEquals(all, actual, name + ": the template's names and the generated ones");
            for (Map.Entry<String, int[]> e : expected.entrySet()) {
                Name n = output.getName(e.getKey());
                assertEquals(-1, n.getSheetIndex(), e.getKey() + " is workbook-scoped");
                Matrix cells = valuesAt(output, n);
                String what = name + ", name " + e.getKey() + " (" + n.getRefersToFormula() + ")";
                assertArrayEquals(e.getValue(), new int[] {cells.rows(), cells.cols()},
                        what + ": rows and columns");
                assertEquals(run.trace().value(e.getKey()), cells, what + ": the Java values");
            }
            for (Name n : template.getAllNames()) {
                assertEquals(n.getRefersToFormula(),
                        output.getName(n.getNameName()).getRefersToFormula(),
                        name + ": input name " + n.getNameName() + " points at the template");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void an_edited_weight_moves_every_twin_downstream_and_lights_its_difference(
            String name, Network network) throws Exception {
        // given
        Run run = run(name, network);
        Network edited = withFirstWeight(run.template().network(), 0.5);
        Trace after = GradientStep.take(edited);
        ErrorScales scales = new ErrorScales(after);
        Set<String> downstream = downstreamOf("W_0", run.trace());

        // when
        try (XSSFWorkbook output = open(run.output())) {
            CellReference w = run.template().inputs().get("W_0").cell(0, 0);
            Cell weight = output.getSheet(w.getSheetName()).getRow(w.getRow())
                    .getCell(w.getCol());
            weight.setCellValue(edited.W().get(0).get(0, 0));
            evaluateFresh(output);

            // then
            for (Quantity q : run.trace().quantities()) {
                Block block = find(output, q);
                boolean moved = false;
                for (int i = 0; i < q.value().rows(); i++) {
                    for (int j = 0; j < q.value().cols(); j++) {
                        String entry = name + ", " + q.name() + "[" + i + "][" + j + "]";
                        double before = q.value().get(i, j);
                        double twin = number(block.twin(i, j));
                        double difference = number(block.difference(i, j));
                        double tolerance = tolerance(scales.of(q.name(), i, j));
                        assertEquals(before, number(block.java(i, j)), entry + " Java stays");
                        assertClose(entry + " twin after the edit",
                                after.value(q.name()).get(i, j), twin, tolerance);
                        assertClose(entry + " formula − Java", twin - before, difference,
                                tolerance);
                        moved |= Math.abs(twin - before) > tolerance
                                && Math.abs(difference) > tolerance;
                    }
                }
                if (q.name().startsWith("fd_diff_")) {
                    // Near 0 at any weights when backprop is right: it follows the edit
                    // (checked above) without moving.
                    continue;
                }
                assertEquals(downstream.contains(q.name()), moved, name + ", " + q.name()
                        + (downstream.contains(q.name()) ? " is" : " is not")
                        + " downstream of W_0, so its twins should"
                        + (downstream.contains(q.name()) ? "" : " not") + " move");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void generated_sheets_follow_the_template_in_the_documents_order_under_its_titles(
            String name, Network network) throws Exception {
        // given
        Run run = run(name, network);

        // when
        try (XSSFWorkbook output = open(run.output())) {

            // then
            Map<String, String> titles = generatedTitles(network.layers());
            List<String> expected = new ArrayList<>(List.of(TemplateWriter.SHEET));
            expected.addAll(titles.keySet());
            assertEquals(expected, sheetNames(output), name + ": the sheets in order");
            for (Map.Entry<String, String> e : titles.entrySet()) {
                assertTrue(e.getKey().length() <= 31, e.getKey() + " is at most 31 characters");
                Cell heading = output.getSheet(e.getKey()).getRow(0).getCell(0);
                assertEquals(e.getValue(), heading.getStringCellValue(),
                        name + ", sheet " + e.getKey() + ": the section title in row 1");
            }
        }
    }

    @Test
    void a_persons_sheet_comes_through_unchanged_and_its_formulas_see_the_generated_names()
            throws Exception {
        // given
        Path templateFile = folder().resolve("with-notes.xlsx");
        writeTemplateWithNotes(templateFile);
        Template template = TemplateReader.read(templateFile);
        Trace trace = GradientStep.take(template.network());
        Path out = folder().resolve("with-notes-gradbook.xlsx");

        // when
        WorkbookWriter.write(template, trace, out);

        // then
        try (XSSFWorkbook before = open(templateFile); XSSFWorkbook after = open(out)) {
            List<String> expected = new ArrayList<>(List.of("My notes", TemplateWriter.SHEET));
            expected.addAll(generatedTitles(2).keySet());
            assertEquals(expected, sheetNames(after), "template sheets first, then generated");
            for (String sheet : List.of("My notes", TemplateWriter.SHEET)) {
                assertEquals(describe(before.getSheet(sheet)), describe(after.getSheet(sheet)),
                        "sheet " + sheet + ": cells, formulas, styles, merged regions");
            }
            evaluateFresh(after);
            Row formulas = after.getSheet("My notes").getRow(2);
            assertEquals(trace.value("z_0").get(0, 0), number(formulas, 1), "=INDEX(z_0,1,1)");
            assertEquals(trace.value("z_0").get(1, 0), number(formulas, 2), "=INDEX(z_0,2,1)");
            assertEquals(trace.value("a_1").get(1, 0), number(formulas, 3), "=INDEX(a_1,2,1)");
            assertEquals(trace.value("W_0").sum(), number(formulas, 4), "=SUM(W_0)");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void the_template_file_is_byte_for_byte_unchanged_after_a_run(String name, Network network)
            throws Exception {
        // given a template written for the network, read before the run

        // when
        Run run = run(name, network);

        // then
        assertArrayEquals(run.templateBefore(), run.templateAfter(), name + ": template bytes");
    }

    @Test
    void the_committed_worked_example_is_byte_for_byte_unchanged_after_a_run() throws Exception {
        // given
        byte[] before = Files.readAllBytes(WORKED_EXAMPLE);

        // when
        Template template = TemplateReader.read(WORKED_EXAMPLE);
        WorkbookWriter.write(template, GradientStep.take(template.network()),
                folder().resolve("committed-worked-example-gradbook.xlsx"));

        // then
        assertArrayEquals(before, Files.readAllBytes(WORKED_EXAMPLE), "template bytes");
    }

    @Test
    void the_workbook_gets_the_permissions_any_new_file_in_its_folder_gets() throws Exception {
        // given the permissions the user's umask gives a new file here
        Path folder = folder();
        Path plain = Files.createFile(folder.resolve("permissions-plain-" + System.nanoTime()));
        Set<PosixFilePermission> usual = Files.getPosixFilePermissions(plain);
        Files.delete(plain);
        Path out = folder.resolve("permissions-gradbook.xlsx");
        Files.deleteIfExists(out);

        // when
        Template template = TemplateReader.read(WORKED_EXAMPLE);
        WorkbookWriter.write(template, GradientStep.take(template.network()), out);

        // then
        assertEquals(PosixFilePermissions.toString(usual),
                PosixFilePermissions.toString(Files.getPosixFilePermissions(out)),
                "the workbook's permissions");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void every_formula_cell_stores_its_java_value_for_programs_that_do_not_recalculate(
            String name, Network network) throws Exception {
        // given
        Run run = run(name, network);

        // when
        try (XSSFWorkbook output = open(run.output())) {

            // then
            Set<String> checked = new HashSet<>();
            for (Quantity q : run.trace().quantities()) {
                Block block = find(output, q);
                for (int i = 0; i < q.value().rows(); i++) {
                    for (int j = 0; j < q.value().cols(); j++) {
                        String entry = name + ", " + q.name() + "[" + i + "][" + j + "]";
                        assertEquals(q.value().get(i, j), number(block.twin(i, j)),
                                entry + ": the formula's stored value");
                        assertEquals(0.0, number(block.difference(i, j)),
                                entry + ": the difference's stored value");
                        checked.add(where(block.twin(i, j)));
                        checked.add(where(block.difference(i, j)));
                    }
                }
            }
            XSSFSheet activation = output.getSheet(SheetPlan.ACTIVATION);
            for (int r = 4; r <= 44; r++) {
                Row row = activation.getRow(r);
                assertEquals(number(row, 2), number(row, 3), "S(x) formula's stored value, "
                        + where(row.getCell(3)));
                assertEquals(0.0, number(row, 4), "stored difference, " + where(row.getCell(4)));
                checked.add(where(row.getCell(3)));
                checked.add(where(row.getCell(4)));
            }
            checked.addAll(assertPassesStored(output.getSheet(GradientCheckSheet.NAME),
                    run.trace(), name));
            for (int s = output.getSheetIndex(SheetPlan.NETWORK); s < output.getNumberOfSheets();
                    s++) {
                for (Row row : output.getSheetAt(s)) {
                    for (Cell cell : row) {
                        assertTrue(cell.getCellType() != CellType.FORMULA
                                || checked.contains(where(cell)), where(cell)
                                + " is a formula cell the test did not expect");
                    }
                }
            }
        }
    }

    // Probe n's passes stand in columns 1 + 2n (+h) and 2 + 2n (−h): E(p ± h) first, then z and
    // a of each layer from the moved one on, top to bottom. Returns the cells it checked.
    private static Set<String> assertPassesStored(XSSFSheet sheet, Trace trace, String name) {
        Set<String> checked = new HashSet<>();
        List<GradientCheck.Probe> probes = trace.probes();
        for (int n = 0; n < probes.size(); n++) {
            GradientCheck.Probe p = probes.get(n);
            for (GradientCheck.Pass pass : List.of(p.plus(), p.minus())) {
                int col = 1 + 2 * n + (pass == p.plus() ? 0 : 1);
                List<Double> expected = new ArrayList<>(List.of(pass.E()));
                for (int m = 0; m < pass.z().size(); m++) {
                    for (Matrix layer : List.of(pass.z().get(m), pass.a().get(m))) {
                        for (int u = 0; u < layer.rows(); u++) {
                            expected.add(layer.get(u, 0));
                        }
                    }
                }
                List<Double> stored = new ArrayList<>();
                for (Row row : sheet) {
                    Cell cell = row.getCell(col);
                    if (cell != null && cell.getCellType() == CellType.FORMULA) {
                        stored.add(cell.getNumericCellValue());
                        checked.add(where(cell));
                    }
                }
                assertEquals(expected, stored, name + ", " + p.symbol() + ", the stored values"
                        + " of the pass in column " + col);
            }
        }
        return checked;
    }

    @Test
    void values_show_six_significant_digits_as_the_document_prints_them() throws Exception {
        // given
        Run run = run("worked-example-display", SampleNetworks.workedExample());
        Map<String, List<String>> printed = new LinkedHashMap<>();
        printed.put("z_0", List.of("0", "-0.5"));
        printed.put("a_0", List.of("0.5", "0.377541"));
        printed.put("z_1", List.of("-0.622459", "-2.25508"));
        printed.put("a_1", List.of("0.349222", "0.0949121"));
        printed.put("sq_err", List.of("0.423512", "0.819184"));

        // when
        try (XSSFWorkbook output = open(run.output())) {
            DataFormatter shown = new DataFormatter();
            shown.setUseCachedValuesForFormulaCells(true);

            // then
            for (Map.Entry<String, List<String>> e : printed.entrySet()) {
                Block block = find(output, run.trace().get(e.getKey()));
                for (int i = 0; i < e.getValue().size(); i++) {
                    assertEquals(e.getValue().get(i), shown.formatCellValue(block.java(i, 0)),
                            e.getKey() + "[" + i + "] Java, as shown");
                    assertEquals(e.getValue().get(i), shown.formatCellValue(block.twin(i, 0)),
                            e.getKey() + "[" + i + "] formula, as shown from its cached value");
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------
    // The path under test, and how a reader finds things in the output.

    /**
     * One template written, read, stepped and written out again, with the template's bytes
     * before the run and after it.
     */
    private record Run(Path templateFile, Template template, Trace trace, Path output,
            byte[] templateBefore, byte[] templateAfter) {
    }

    /** Each network goes through the path once; the tests share what it wrote. */
    private static final Map<String, Run> RUNS = new HashMap<>();

    private static Run run(String name, Network network) throws Exception {
        Run done = RUNS.get(name);
        if (done == null) {
            done = runAgain(name, network);
            RUNS.put(name, done);
        }
        return done;
    }

    private static Run runAgain(String name, Network network) throws Exception {
        Path templateFile = folder().resolve(name + ".xlsx");
        TemplateWriter.write(network, "WorkbookWriterTest: " + name, templateFile);
        byte[] before = Files.readAllBytes(templateFile);
        Template template = TemplateReader.read(templateFile);
        Trace trace = GradientStep.take(template.network());
        Path output = folder().resolve(name + "-gradbook.xlsx");
        WorkbookWriter.write(template, trace, output);
        template.workbook().close();
        return new Run(templateFile, template, trace, output, before,
                Files.readAllBytes(templateFile));
    }

    private static Path folder() throws IOException {
        return Files.createDirectories(FOLDER);
    }

    /** A quantity's Java, formula and difference blocks, each with its top-left cell. */
    private record Block(XSSFSheet sheet, int top, int javaCol, int twinCol, int diffCol) {
        Cell java(int i, int j) {
            return at(sheet, top + i, javaCol + j);
        }

        Cell twin(int i, int j) {
            return at(sheet, top + i, twinCol + j);
        }

        Cell difference(int i, int j) {
            return at(sheet, top + i, diffCol + j);
        }
    }

    /**
     * Finds a quantity as a reader does: its label in the document's notation in column A of
     * exactly one generated sheet, the Java, formula and difference headers in the row below
     * the next, and the values under them.
     */
    private static Block find(XSSFWorkbook workbook, Quantity q) {
        List<Block> found = new ArrayList<>();
        int first = workbook.getSheetIndex(SheetPlan.NETWORK);
        for (int s = first; s < workbook.getNumberOfSheets(); s++) {
            XSSFSheet sheet = workbook.getSheetAt(s);
            for (Row row : sheet) {
                Cell label = row.getCell(0);
                if (label != null && label.getCellType() == CellType.STRING
                        && label.getStringCellValue().equals(q.notation())) {
                    found.add(blockBelow(sheet, row.getRowNum()));
                }
            }
        }
        assertEquals(1, found.size(), "blocks labelled " + q.notation() + " (" + q.name() + ")");
        return found.get(0);
    }

    private static Block blockBelow(XSSFSheet sheet, int labelRow) {
        Map<String, Integer> columns = new HashMap<>();
        for (Cell header : sheet.getRow(labelRow + 1)) {
            if (header.getCellType() == CellType.STRING) {
                columns.putIfAbsent(header.getStringCellValue(), header.getColumnIndex());
            }
        }
        String where = "sheet " + sheet.getSheetName() + ", row " + (labelRow + 2);
        return new Block(sheet, labelRow + 2,
                assertPresent(columns.get("Java"), where + ": header Java"),
                assertPresent(columns.get("formula"), where + ": header formula"),
                assertPresent(columns.get("formula − Java"), where + ": header formula − Java"));
    }

    private static int assertPresent(Integer column, String what) {
        assertNotNull(column, what);
        return column;
    }

    private static Cell at(Sheet sheet, int r, int c) {
        Row row = sheet.getRow(r);
        Cell cell = row == null ? null : row.getCell(c);
        assertNotNull(cell, "sheet " + sheet.getSheetName() + ", cell "
                + new CellReference(r, c).formatAsString() + " exists");
        return cell;
    }

    /** The cell's number: its value, or for a formula its (cached or evaluated) result. */
    private static double number(Cell cell) {
        CellType type = cell.getCellType() == CellType.FORMULA
                ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type != CellType.NUMERIC) {
            fail(where(cell) + ": expected a number but found " + type
                    + (cell.getCellType() == CellType.FORMULA ? " from =" + cell.getCellFormula()
                            : ""));
        }
        return cell.getNumericCellValue();
    }

    private static double number(Row row, int column) {
        return number(at(row.getSheet(), row.getRowNum(), column));
    }

    private static String where(Cell cell) {
        return "sheet " + cell.getSheet().getSheetName() + ", cell "
                + cell.getAddress().formatAsString();
    }

    private static XSSFWorkbook open(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    /**
     * Replaces every formula's stored value with {@link #POISON}, then evaluates every formula
     * of the workbook, so each result comes from the formulas and the plain cells alone.
     */
    static void evaluateFresh(XSSFWorkbook workbook) {
        for (Sheet sheet : workbook) {
            for (Row row : sheet) {
                for (Cell cell : row) {
                    if (cell.getCellType() == CellType.FORMULA) {
                        cell.setCellValue(POISON);
                    }
                }
            }
        }
        XSSFFormulaEvaluator.evaluateAllFormulaCells(workbook);
    }

    static Matrix valuesAt(XSSFWorkbook workbook, Name name) {
        AreaReference area = new AreaReference(name.getRefersToFormula(),
                SpreadsheetVersion.EXCEL2007);
        CellReference first = area.getFirstCell();
        CellReference last = area.getLastCell();
        Sheet sheet = workbook.getSheet(first.getSheetName());
        double[][] values = new double[last.getRow() - first.getRow() + 1]
                [last.getCol() - first.getCol() + 1];
        for (int i = 0; i < values.length; i++) {
            for (int j = 0; j < values[i].length; j++) {
                values[i][j] = number(at(sheet, first.getRow() + i, first.getCol() + j));
            }
        }
        return Matrix.of(values);
    }

    private static List<String> sheetNames(XSSFWorkbook workbook) {
        List<String> names = new ArrayList<>();
        workbook.forEach(s -> names.add(s.getSheetName()));
        return names;
    }

    // ---------------------------------------------------------------------------------------
    // What the issue lists, written out here by hand rather than taken from the code.

    /** Every generated name and its rows × columns, as issue 2 lists them. */
    private static Map<String, int[]> generatedNames(Network network) {
        int L = network.layers();
        Map<String, int[]> names = new LinkedHashMap<>();
        for (int k = 0; k < L; k++) {
            int in = network.W().get(k).rows();
            int out = network.W().get(k).cols();
            int[] column = {out, 1};
            int[] weights = {in, out};
            names.put("z_" + k, column);
            names.put("a_" + k, column);
            names.put("da_" + k + "_dz_" + k, column);
            names.put("dz_" + k + "_dW_" + k, new int[] {in, 1});
            names.put("dz_" + k + "_db_" + (k + 1), column);
            names.put("delta_" + k, column);
            names.put("dE_dW_" + k, weights);
            names.put("dE_db_" + (k + 1), column);
            names.put("fd_dE_dW_" + k, weights);
            names.put("fd_dE_db_" + (k + 1), column);
            names.put("fd_diff_dE_dW_" + k, weights);
            names.put("fd_diff_dE_db_" + (k + 1), column);
            names.put("step_W_" + k, weights);
            names.put("step_b_" + (k + 1), column);
            names.put("W_" + k + "_new", weights);
            names.put("b_" + (k + 1) + "_new", column);
            if (k >= 1) {
                names.put("dz_" + k + "_da_" + (k - 1), weights);
            }
        }
        int outputs = network.y().rows();
        names.put("sq_err", new int[] {outputs, 1});
        names.put("E", new int[] {1, 1});
        names.put("dE_da_" + (L - 1), new int[] {outputs, 1});
        return names;
    }

    /** The generated sheets in the document's order, each with its section title. */
    private static Map<String, String> generatedTitles(int L) {
        Map<String, String> titles = new LinkedHashMap<>();
        titles.put("Network", "The Example Network");
        titles.put("Activation", "Hidden and Output Unit Activations");
        for (int k = 0; k < L; k++) {
            titles.put(ORDINALS[k] + " Layer", ORDINALS[k] + " Layer Computations");
        }
        titles.put("Error", "Error");
        titles.put("Derivatives", "Derivatives");
        titles.put("Weight Updates", "Weight Updates");
        titles.put("Gradient Check", "Gradient Check");
        return titles;
    }

    /** The quantities computed, through operands, from {@code input}; ones depend on nothing. */
    private static Set<String> downstreamOf(String input, Trace trace) {
        Set<String> reached = new HashSet<>(Set.of(input));
        for (Quantity q : trace.quantities()) {
            if (q.operation() != Operation.ONES && q.operation() != Operation.ZEROS
                    && q.operands().stream().anyMatch(reached::contains)) {
                reached.add(q.name());
            }
        }
        return reached;
    }

    private static Network withFirstWeight(Network network, double change) {
        double[][] W_0 = network.W().get(0).toArray();
        W_0[0][0] += change;
        List<Matrix> W = new ArrayList<>(network.W());
        W.set(0, Matrix.of(W_0));
        return new Network(network.x(), network.y(), W, network.b(), network.eta());
    }

    // ---------------------------------------------------------------------------------------
    // A template with a person's own sheet on it.

    /**
     * The worked example's template with a sheet "My notes" put first: a merged, bold, filled
     * heading, text, numbers with formats and a border, and formulas over the generated names
     * z_0 and a_1 (not yet defined in the template, as when typed in Excel) and the input W_0.
     */
    private static void writeTemplateWithNotes(Path file) throws IOException {
        TemplateWriter.write(SampleNetworks.workedExample(), "with notes", file);
        try (XSSFWorkbook workbook = open(file)) {
            XSSFSheet notes = workbook.createSheet("My notes");
            workbook.setSheetOrder("My notes", 0);
            workbook.setActiveSheet(0);
            notes.setColumnWidth(0, 30 * 256);

            XSSFCellStyle heading = workbook.createCellStyle();
            XSSFFont bold = workbook.createFont();
            bold.setBold(true);
            bold.setFontHeightInPoints((short) 14);
            heading.setFont(bold);
            heading.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
            heading.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            Row first = notes.createRow(0);
            first.setHeightInPoints(24);
            first.createCell(0).setCellValue("Checked by hand on paper");
            first.getCell(0).setCellStyle(heading);
            notes.addMergedRegion(new CellRangeAddress(0, 0, 0, 3));

            XSSFCellStyle framed = workbook.createCellStyle();
            framed.setDataFormat(workbook.createDataFormat().getFormat("0.000"));
            framed.setBorderBottom(BorderStyle.THIN);
            Row numbers = notes.createRow(1);
            numbers.createCell(0).setCellValue("my numbers");
            numbers.createCell(1).setCellValue(0.37754);
            numbers.getCell(1).setCellStyle(framed);
            numbers.createCell(2).setCellValue(42);

            Row formulas = notes.createRow(2);
            formulas.createCell(0).setCellValue("from gradbook's names");
            String[] typed = {"INDEX(z_0,1,1)", "INDEX(z_0,2,1)", "INDEX(a_1,2,1)", "SUM(W_0)"};
            Name z_0 = placeholder(workbook, "z_0");
            Name a_1 = placeholder(workbook, "a_1");
            for (int c = 0; c < typed.length; c++) {
                formulas.createCell(c + 1).setCellFormula(typed[c]);
                formulas.getCell(c + 1).setCellStyle(framed);
            }
            workbook.removeName(z_0);
            workbook.removeName(a_1);
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
    }

    // POI parses a formula when it is set and refuses an undefined name; Excel keeps it, as
    // #NAME? until the name exists. A name defined for the moment lets POI store the formula.
    private static Name placeholder(XSSFWorkbook workbook, String name) {
        Name n = workbook.createName();
        n.setNameName(name);
        n.setRefersToFormula("'My notes'!$A$1");
        return n;
    }

    /** A sheet as text: every cell's address, type, content and style, merges, sizes. */
    private static String describe(XSSFSheet sheet) {
        StringBuilder text = new StringBuilder();
        for (Row row : sheet) {
            text.append("row ").append(row.getRowNum() + 1).append(" height ")
                    .append(row.getHeight()).append('\n');
            for (Cell cell : row) {
                text.append("  ").append(cell.getAddress()).append(' ')
                        .append(cell.getCellType()).append(' ').append(content(cell))
                        .append(" | ").append(style((XSSFCellStyle) cell.getCellStyle()))
                        .append('\n');
            }
        }
        for (CellRangeAddress merged : sheet.getMergedRegions()) {
            text.append("merged ").append(merged.formatAsString()).append('\n');
        }
        for (int c = 0; c < 8; c++) {
            text.append("column ").append(c).append(" width ").append(sheet.getColumnWidth(c))
                    .append('\n');
        }
        return text.toString();
    }

    private static String content(Cell cell) {
        return switch (cell.getCellType()) {
            case FORMULA -> "=" + cell.getCellFormula();
            case NUMERIC -> Double.toString(cell.getNumericCellValue());
            case STRING -> cell.getStringCellValue();
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            default -> "";
        };
    }

    private static String style(XSSFCellStyle s) {
        XSSFFont f = s.getFont();
        XSSFColor fill = s.getFillForegroundXSSFColor();
        return "format " + s.getDataFormatString() + ", font " + f.getFontName() + " "
                + f.getFontHeightInPoints() + (f.getBold() ? " bold" : "")
                + (f.getItalic() ? " italic" : "") + " colour " + f.getColor()
                + ", fill " + s.getFillPattern() + " " + (fill == null ? "-" : fill.getARGBHex())
                + ", align " + s.getAlignment() + "/" + s.getVerticalAlignment()
                + ", borders " + s.getBorderTop() + " " + s.getBorderRight() + " "
                + s.getBorderBottom() + " " + s.getBorderLeft() + ", wrap " + s.getWrapText();
    }

    // ---------------------------------------------------------------------------------------
    // Numbers.

    /** 1e-12 of the scale (see {@link ErrorScales}), and never below 1e-15. */
    private static double tolerance(double scale) {
        return Math.max(RELATIVE * Math.abs(scale), ABSOLUTE);
    }

    private static void assertClose(String what, double expected, double actual,
            double tolerance) {
        double difference = actual - expected;
        if (!(Math.abs(difference) <= tolerance)) {
            fail(String.format("%s: expected %s but was %s (tolerance %s, difference %s)", what,
                    expected, actual, tolerance, difference));
        }
        assertNotEquals(POISON, actual, what + ": a value that was never evaluated");
    }
}
