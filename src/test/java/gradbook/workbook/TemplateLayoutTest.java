package gradbook.workbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import gradbook.audit.Audit;
import gradbook.audit.QuantityAudit;
import gradbook.audit.Tolerance;
import gradbook.audit.Verdict;
import gradbook.core.Activation;
import gradbook.core.BatchGradient;
import gradbook.core.Convention;
import gradbook.core.GradientStep;
import gradbook.core.Loss;
import gradbook.core.Matrix;
import gradbook.core.Network;
import gradbook.core.Networks;
import gradbook.core.Optimizer;
import gradbook.core.Quantity;
import gradbook.core.Trace;
import gradbook.core.Training;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Issue #7: templates in other people's layouts (weight_layout, sample_layout, a shared bias). */
class TemplateLayoutTest {
    private static final Path FOLDER = Path.of("target", "test-workbooks", "TemplateLayoutTest");
    private static final TemplateLayout PYTORCH = new TemplateLayout(true, true);

    /** Networks whose weights are not square, so that a missing transpose cannot pass. */
    static Stream<Arguments> networks() {
        List<Arguments> all = new ArrayList<>();
        all.add(arguments("relu-identity-sigmoid", SampleNetworks.withFunctions()));
        all.add(arguments("shared-biases", SampleNetworks.pyTorchStyle()));
        all.add(arguments("widths-3-5-2", Networks.random(new Random(3), 3, 5, 2)));
        all.add(arguments("softmax-cross-entropy", Networks.random(14, Activation.SOFTMAX,
                Loss.CROSS_ENTROPY, BatchGradient.MEAN)));
        all.add(arguments("tanh-mse", Networks.random(20, Activation.TANH, Loss.MSE,
                BatchGradient.SUM)));
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void out_by_in_and_columns_give_the_default_layouts_numbers_transposed(String name,
            Network network) throws Exception {
        // given
        Path plain = output(name + "-default", network, TemplateLayout.DEFAULT, Map.of());
        Path pytorch = output(name + "-pytorch", network, PYTORCH, Map.of());
        Trace trace = GradientStep.take(network);

        // when
        try (XSSFWorkbook a = open(plain); XSSFWorkbook b = open(pytorch)) {

            // then
            int transposed = 0;
            for (Quantity q : trace.quantities()) {
                if (q.name().equals("eta")) {
                    continue;
                }
                Matrix expected = valuesAt(a, q.name());
                // x and y: a row per sample in the default template, a column under columns.
                boolean samples = q.name().equals("x") || q.name().equals("y");
                if (hasWeightShape(q) || samples) {
                    expected = expected.transpose();
                    transposed += samples ? 0 : 1;
                }
                assertEquals(shape(expected), shape(valuesAt(b, q.name())), name + ", "
                        + q.name() + ": the shape in the template's layout");
                assertEquals(expected, valuesAt(b, q.name()), name + ", " + q.name());
            }
            assertTrue(transposed >= 5 * network.layers(), name + ": " + transposed
                    + " quantities shown transposed");
        }
    }

    @Test
    void the_parameters_after_a_training_run_are_in_the_templates_layout_too() throws Exception {
        // given: three steps of momentum on a network of widths 3, 5, 2
        Network network = Networks.random(new Random(3), 3, 5, 2).withTraining(
                Training.DEFAULT.withSteps(3).withOptimizer(Optimizer.MOMENTUM));
        Path plain = output("training-default", network, TemplateLayout.DEFAULT, Map.of());
        Path pytorch = output("training-pytorch", network, PYTORCH, Map.of());

        // when
        try (XSSFWorkbook a = open(plain); XSSFWorkbook b = open(pytorch)) {

            // then: W_k_final output × input, as W_k is; b_k_final and the losses as they are
            for (String name : TrainingSheet.names(network.layers())) {
                Matrix expected = valuesAt(a, name);
                if (name.startsWith("W_")) {
                    expected = expected.transpose();
                    assertEquals(shape(valuesAt(b, name.replace("_final", ""))),
                            shape(valuesAt(b, name)), name);
                }
                assertEquals(expected, valuesAt(b, name), name);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void every_twin_in_the_pytorch_layout_evaluates_to_its_java_value(String name,
            Network network) throws Exception {
        // given
        Path template = FOLDER.resolve(name + "-twins-template.xlsx");
        Files.createDirectories(FOLDER);
        TemplateWriter.write(network, name, PYTORCH, Map.of(), template);
        Generated g = Generated.fromTemplate(template, FOLDER, name + "-twins");

        // when
        Path evaluated = FOLDER.resolve(name + "-twins-evaluated.xlsx");
        try (XSSFWorkbook wb = open(g.file());
                OutputStream out = Files.newOutputStream(evaluated)) {
            WorkbookWriterTest.evaluateFresh(wb);
            wb.write(out);
        }

        // then
        RoundTripCheck.assertTwinsAgree(g, evaluated, "POI");
        RoundTripCheck.assertNoErrors(g, evaluated, "POI");
    }

    @Test
    void a_shared_bias_is_shown_as_one_cell_with_its_gradient_summed_over_the_units()
            throws Exception {
        // given
        Network network = SampleNetworks.pyTorchStyle();
        Network full = network.withParameters(network.W(), List.of(
                Matrix.filled(network.W().get(0).cols(), 1, network.b().get(0).get(0, 0)),
                network.b().get(1)));

        // when
        Path shared = output("shared", network, PYTORCH, Map.of());
        Path expanded = output("expanded", full, PYTORCH, Map.of());

        // then
        try (XSSFWorkbook s = open(shared); XSSFWorkbook f = open(expanded)) {
            for (String name : List.of("dE_db_1", "step_b_1", "fd_dE_db_1")) {
                Matrix one = valuesAt(s, name);
                assertEquals("1 × 1", shape(one), name);
                // fd_ is an estimate, each of its sum's terms off by about 1e-11
                assertEquals(valuesAt(f, name).sum(), one.get(0, 0), name.startsWith("fd_")
                        ? 1e-9 : 1e-12 * (1 + Math.abs(one.get(0, 0))), name + " against the sum");
            }
            assertEquals(valuesAt(f, "b_1_new").get(0, 0) + valuesAt(f, "step_b_1").sum()
                    - valuesAt(f, "step_b_1").get(0, 0), valuesAt(s, "b_1_new").get(0, 0),
                    1e-12);
            for (String name : List.of("z_0", "a_1", "E", "dE_dW_0", "delta_0")) {
                assertEquals(valuesAt(f, name), valuesAt(s, name), name);
            }
        }
    }

    @Test
    void a_hand_value_in_the_templates_layout_matches_and_one_in_the_documents_is_transposed()
            throws Exception {
        // given
        Network network = SampleNetworks.pyTorchStyle();
        Trace trace = GradientStep.take(network);
        Matrix dW0 = trace.value("dE_dW_0");
        Matrix dW1 = trace.value("dE_dW_1");
        assertNotEquals(dW1.rows(), dW1.cols());
        Path template = FOLDER.resolve("hand-template.xlsx");
        Files.createDirectories(FOLDER);
        TemplateWriter.write(network, "hand", PYTORCH, Map.of("dE_dW_0", dW0.transpose(),
                "dE_dW_1", dW1, "W_0_new", trace.value("W_0_new").transpose()), template);

        // when
        Template t = TemplateReader.read(template);
        Trace step = GradientStep.take(t.network());
        Audit audit = new Judging(Convention.TEXTBOOK, Tolerance.standard()).audit(t, step);

        // then
        assertEquals(Verdict.MATCH, judged(audit, "dE_dW_0").verdict());
        assertEquals(Verdict.MATCH, judged(audit, "W_0_new").verdict());
        QuantityAudit wrong = judged(audit, "dE_dW_1");
        assertEquals(Verdict.MISMATCH, wrong.verdict());
        assertTrue(wrong.causes().stream().anyMatch(c -> c.code().contains("transposed")),
                wrong.causes().toString());
    }

    @Test
    void the_key_gives_each_entry_at_the_cell_of_the_templates_layout() throws Exception {
        // given
        Network network = SampleNetworks.pyTorchStyle();
        Path template = FOLDER.resolve("key-template.xlsx");
        Files.createDirectories(FOLDER);
        TemplateWriter.write(network, "key", PYTORCH, Map.of(), template);
        Template t = TemplateReader.read(template);
        Trace trace = GradientStep.take(t.network());

        // when
        Map<String, List<List<String>>> cells = WorkbookWriter.valueCells(t, trace);
        Path out = FOLDER.resolve("key.xlsx");
        WorkbookWriter.write(t, trace, out);

        // then
        Matrix shown = trace.value("dE_dW_0").transpose();
        List<List<String>> at = cells.get("dE_dW_0");
        assertEquals(shown.rows(), at.size());
        assertEquals(shown.cols(), at.get(0).size());
        try (XSSFWorkbook wb = open(out)) {
            for (int r = 0; r < shown.rows(); r++) {
                for (int c = 0; c < shown.cols(); c++) {
                    CellReference ref = new CellReference(at.get(r).get(c));
                    Cell cell = wb.getSheet(ref.getSheetName()).getRow(ref.getRow())
                            .getCell(ref.getCol());
                    assertEquals(shown.get(r, c), cell.getNumericCellValue(), at.get(r).get(c));
                }
            }
            List<String> probes = new ArrayList<>();
            wb.getSheet(GradientCheckSheet.NAME).getRow(8).forEach(c -> probes.add(c.toString()));
            assertTrue(probes.contains("W₀[4,1]"), "the Gradient Check names W₀'s entries as"
                    + " the template has them, output × input: " + probes);
        }
    }

    @Test
    void refuses_the_notebook_convention_outside_the_documents_layout() throws Exception {
        // given
        Path template = FOLDER.resolve("notebook.xlsx");
        Files.createDirectories(FOLDER);
        TemplateWriter.write(SampleNetworks.workedExample(), "notebook", PYTORCH, Map.of(),
                template);
        Template t = TemplateReader.read(template);

        // when
        TemplateException e = assertThrows(TemplateException.class,
                () -> new Judging(Convention.NOTEBOOK, Tolerance.standard()).take(t));

        // then
        assertEquals(1, e.problems().size(), e.problems().toString());
        assertTrue(e.problems().get(0).contains("notebook.xlsx: the notebook convention is"
                + " defined only for the document's layout"), e.problems().get(0));
    }

    @Test
    void reports_file_sheet_cell_and_name_when_a_layout_word_is_unknown() throws Exception {
        // given
        Path template = FOLDER.resolve("bad-word.xlsx");
        Files.createDirectories(FOLDER);
        TemplateWriter.write(SampleNetworks.pyTorchStyle(), "bad", PYTORCH, Map.of(), template);
        try (XSSFWorkbook wb = open(template)) {
            CellReference cell = new AreaReference(wb.getName("weight_layout")
                    .getRefersToFormula(), SpreadsheetVersion.EXCEL2007).getFirstCell();
            wb.getSheet(cell.getSheetName()).getRow(cell.getRow()).getCell(cell.getCol())
                    .setCellValue("sideways");
            try (OutputStream out = Files.newOutputStream(template)) {
                wb.write(out);
            }
        }

        // when
        TemplateException e = assertThrows(TemplateException.class,
                () -> TemplateReader.read(template));

        // then
        assertEquals(1, e.problems().size(), e.problems().toString());
        String line = e.problems().get(0);
        for (String part : List.of("bad-word.xlsx", "sheet Parameters", "cell B", "weight_layout",
                "in_by_out, out_by_in", "\"sideways\"")) {
            assertTrue(line.contains(part), line + " should contain " + part);
        }
    }

    @Test
    void reports_where_a_bias_is_neither_one_cell_nor_the_layers_width() throws Exception {
        // given
        Network good = SampleNetworks.pyTorchStyle();
        Network bad = good.withParameters(good.W(), List.of(Matrix.column(0.5, -0.5),
                good.b().get(1)));
        Path template = FOLDER.resolve("bad-bias.xlsx");
        Files.createDirectories(FOLDER);
        TemplateWriter.write(bad, "bad", PYTORCH, Map.of(), template);

        // when
        TemplateException e = assertThrows(TemplateException.class,
                () -> TemplateReader.read(template));

        // then
        assertEquals(1, e.problems().size(), e.problems().toString());
        String line = e.problems().get(0);
        for (String part : List.of("bad-bias.xlsx", "sheet Parameters", "(range b_1)",
                "one cell shared")) {
            assertTrue(line.contains(part), line + " should contain " + part);
        }
    }

    // W_k and every quantity that has its shape: the gradients, their checks, steps and updates.
    private static boolean hasWeightShape(Quantity q) {
        return q.name().matches("W_\\d+")
                || (q.shapeOf() != null && q.shapeOf().matches("W_\\d+"));
    }

    private static QuantityAudit judged(Audit audit, String name) {
        return audit.quantities().stream().filter(q -> q.name().equals(name)).findFirst()
                .orElseThrow();
    }

    private static Path output(String name, Network network, TemplateLayout layout,
            Map<String, Matrix> hand) throws Exception {
        Files.createDirectories(FOLDER);
        Path template = FOLDER.resolve(name + "-template.xlsx");
        TemplateWriter.write(network, name, layout, hand, template);
        Template t = TemplateReader.read(template);
        Path out = FOLDER.resolve(name + ".xlsx");
        WorkbookWriter.write(t, GradientStep.take(t.network()), out);
        t.workbook().close();
        return out;
    }

    private static XSSFWorkbook open(Path file) throws Exception {
        return RoundTripCheck.open(file);
    }

    // The values under a defined name, as a person's INDEX(name, r, c) reads them.
    private static Matrix valuesAt(XSSFWorkbook wb, String name) {
        return WorkbookWriterTest.valuesAt(wb, wb.getName(name));
    }

    private static String shape(Matrix m) {
        return m.rows() + " × " + m.cols();
    }
}
