package gradbook.workbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import gradbook.core.Activation;
import gradbook.core.BatchGradient;
import gradbook.core.Loss;
import gradbook.core.Matrix;
import gradbook.core.Network;
import gradbook.core.Optimizer;
import gradbook.core.Training;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * Issue #7: the template's optional names activation, loss, batch_gradient, steps, optimizer
 * and its hyper-parameters, and samples.
 */
class FunctionNamesTest {
    private static final Path FOLDER = Path.of("target", "test-workbooks", "FunctionNamesTest");
    /** The row of the Parameters sheet where a fixture types its words, below the numbers. */
    private static final int ROW = 30;

    @Test
    void reads_the_classifier_template_s_activations_loss_batch_and_samples() throws Exception {
        // given
        Path file = Path.of("templates", "classifier-example.xlsx");

        // when
        Network read = TemplateReader.read(file).network();

        // then
        assertEquals(List.of(Activation.TANH, Activation.SOFTMAX), read.activation());
        assertEquals(Loss.CROSS_ENTROPY, read.loss());
        assertEquals(BatchGradient.MEAN, read.batch());
        assertEquals(3, read.samples(), "x has one row per sample");
        assertEquals(Matrix.of(new double[][] {{1, 0, 1}, {0, 1, 0}}), read.y(),
                "y, a column per sample");
    }

    @Test
    void reads_one_word_as_the_activation_of_every_layer() throws Exception {
        // given
        Path file = fixture("one-word", wb -> words(wb, "activation", "  TanH "));

        // when
        Network read = TemplateReader.read(file).network();

        // then
        assertEquals(List.of(Activation.TANH, Activation.TANH), read.activation());
        assertEquals(Loss.HALF_SSE, read.loss(), "the default loss");
        assertEquals(BatchGradient.SUM, read.batch(), "the default batch gradient");
    }

    @Test
    void reads_a_name_that_holds_the_word_itself() throws Exception {
        // given
        Path file = fixture("quoted", wb -> {
            Name n = wb.createName();
            n.setNameName("loss");
            n.setRefersToFormula("\"sse\"");
        });

        // when
        Network read = TemplateReader.read(file).network();

        // then
        assertEquals(Loss.SSE, read.loss());
    }

    @Test
    void names_the_cell_and_the_allowed_words_for_an_unknown_activation() throws Exception {
        // given
        Path file = fixture("unknown-activation", wb -> words(wb, "activation", "relu",
                "sigmoidd"));

        // when
        List<String> problems = problems(file);

        // then
        assertEquals(List.of("unknown-activation.xlsx, sheet Parameters, cells B31:C31 (name"
                + " activation): expected an activation (sigmoid, tanh, relu, identity,"
                + " softmax) but found \"sigmoidd\" for layer 1; type one of those words"),
                problems);
    }

    @Test
    void refuses_softmax_below_the_last_layer() throws Exception {
        // given
        Path file = fixture("softmax-first", wb -> words(wb, "activation", "softmax",
                "sigmoid"));

        // when
        List<String> problems = problems(file);

        // then
        assertEquals(List.of("softmax-first.xlsx, sheet Parameters, cells B31:C31 (name"
                + " activation): softmax is allowed on the last layer only, but layer 0 of 2"
                + " (counted from 0) has it; use sigmoid, tanh, relu or identity there"),
                problems);
    }

    @Test
    void refuses_a_row_of_activations_longer_than_the_network() throws Exception {
        // given
        Path file = fixture("three-words", wb -> words(wb, "activation", "tanh", "tanh",
                "sigmoid"));

        // when
        List<String> problems = problems(file);

        // then
        assertEquals(List.of("three-words.xlsx, sheet Parameters, cells B31:D31 (name"
                + " activation): activation has 3 words but the network has 2 layers; give one"
                + " word for every layer, or one per layer, the first layer's first"),
                problems);
    }

    @Test
    void refuses_cross_entropy_after_a_last_layer_whose_outputs_leave_0_to_1() throws Exception {
        // given
        Path file = fixture("entropy-after-tanh", wb -> {
            words(wb, "activation", "tanh");
            words(wb, ROW + 2, "loss", "cross_entropy");
        });

        // when
        List<String> problems = problems(file);

        // then
        assertEquals(List.of("entropy-after-tanh.xlsx, sheet Parameters, cell B33 (name loss):"
                + " cross_entropy takes ln of the outputs, so the last layer's activation must"
                + " be sigmoid or softmax (outputs in (0, 1)), not tanh; use one of those, or a"
                + " squared loss (half_sse, sse, mse)"), problems);
    }

    @Test
    void lists_every_bad_word_at_once() throws Exception {
        // given
        Path file = fixture("bad-words", wb -> {
            words(wb, "loss", "squared");
            words(wb, ROW + 2, "batch_gradient", "average");
        });

        // when
        List<String> problems = problems(file);

        // then
        assertEquals(List.of("bad-words.xlsx, sheet Parameters, cell B31 (name loss): expected"
                + " one of half_sse, sse, mse, cross_entropy but found \"squared\"; type one of"
                + " those words", "bad-words.xlsx, sheet Parameters, cell B33 (name"
                + " batch_gradient): expected one of sum, mean but found \"average\"; type one"
                + " of those words"), problems);
    }

    @Test
    void refuses_a_number_where_a_word_belongs() throws Exception {
        // given
        Path file = fixture("number-word", wb -> {
            words(wb, "loss", "x");
            wb.getSheet(TemplateWriter.SHEET).getRow(ROW).getCell(1).setCellValue(2);
        });

        // when
        List<String> problems = problems(file);

        // then
        assertEquals(List.of("number-word.xlsx, sheet Parameters, cell B31 (name loss):"
                + " expected a word such as cross_entropy but found the number 2.0; type the"
                + " word"), problems);
    }

    @Test
    void refuses_labels_for_fewer_samples_than_x_has() throws Exception {
        // given a network of three samples whose y lost its last row
        Network three = new Network(Matrix.of(new double[][] {{1, 0, -1}, {1, 1, 0}}),
                Matrix.of(new double[][] {{1, 0, 1}, {1, 1, 0}}),
                SampleNetworks.workedExample().W(), SampleNetworks.workedExample().b(), 0.1);
        Path file = Files.createDirectories(FOLDER).resolve("short-y.xlsx");
        TemplateWriter.write(three, "FunctionNamesTest: short-y", file);
        change(file, wb -> wb.getName("y").setRefersToFormula(
                wb.getName("y").getRefersToFormula().replace("$C$6", "$C$5")));

        // when
        List<String> problems = problems(file);

        // then
        assertEquals(List.of("short-y.xlsx, sheet Parameters, cells B4:C5 (range y): x holds 3"
                + " samples but y holds 2: give y one row of labels per sample, as x has one row"
                + " per sample"), problems);
    }

    @Test
    void reads_one_column_as_samples_when_the_network_takes_one_feature() throws Exception {
        // given a one-input, one-output network, x and y typed as columns of 3 samples
        Network columns = new Network(Matrix.of(new double[][] {{1, 2, 3}}),
                Matrix.of(new double[][] {{0, 1, 0}}), List.of(Matrix.column(0.5)),
                List.of(Matrix.column(0)), 0.1);
        Path file = Files.createDirectories(FOLDER).resolve("one-feature.xlsx");
        TemplateWriter.write(columns, "FunctionNamesTest: one-feature", file);

        // when
        Network read = TemplateReader.read(file).network();

        // then
        assertEquals(columns.x(), read.x(), "x, 1 × 3");
        assertEquals(columns.y(), read.y(), "y, 1 × 3");
    }

    @Test
    void reads_update_biases_from_a_truth_value_a_word_or_the_name_itself() throws Exception {
        // given
        Path cell = fixture("biases-cell", wb -> {
            words(wb, "update_biases", "x");
            wb.getSheet(TemplateWriter.SHEET).getRow(ROW).getCell(1).setCellValue(false);
        });
        Path word = fixture("biases-word", wb -> words(wb, "update_biases", " false "));
        Path name = fixture("biases-name", wb -> {
            Name n = wb.createName();
            n.setNameName("update_biases");
            n.setRefersToFormula("FALSE");
        });

        // when, then
        assertEquals(false, TemplateReader.read(cell).network().updateBiases(), "FALSE in a cell");
        assertEquals(false, TemplateReader.read(word).network().updateBiases(), "\"false\"");
        assertEquals(false, TemplateReader.read(name).network().updateBiases(), "=FALSE");
        assertEquals(true, TemplateReader.read(Path.of("templates", "worked-example.xlsx"))
                .network().updateBiases(), "the default");
    }

    @Test
    void refuses_an_update_biases_that_is_not_true_or_false() throws Exception {
        // given
        Path file = fixture("biases-no", wb -> words(wb, "update_biases", "no"));

        // when
        List<String> problems = problems(file);

        // then
        assertEquals(List.of("biases-no.xlsx, sheet Parameters, cell B31 (name update_biases):"
                + " expected one of TRUE, FALSE but found \"no\"; type one of those words"),
                problems);
    }

    @Test
    void reads_the_steps_the_optimizer_and_its_hyper_parameters() throws Exception {
        // given
        Path file = fixture("adam", wb -> {
            number(wb, ROW, "steps", 20);
            words(wb, ROW + 2, "optimizer", " Adam ");
            number(wb, ROW + 4, "beta_2", 0.99);
        });

        // when
        Template template = TemplateReader.read(file);

        // then
        assertEquals(new Training(20, Optimizer.ADAM, 0.9, 0.9, 0.9, 0.99, 1e-8),
                template.network().training());
        assertEquals("the default: the template does not define epsilon",
                template.inputs().get("epsilon").source());
        assertEquals(Training.DEFAULT, TemplateReader.read(Path.of("templates",
                "worked-example.xlsx")).network().training(), "the default");
    }

    @Test
    void refuses_steps_of_0_and_of_2_5_naming_the_cell_and_the_fix() throws Exception {
        // given
        Path zero = fixture("steps-zero", wb -> number(wb, ROW, "steps", 0));
        Path half = fixture("steps-half", wb -> number(wb, ROW, "steps", 2.5));

        // when, then
        assertEquals(List.of("steps-zero.xlsx, sheet Parameters, cell B31 (range steps): steps"
                + " must be a whole number from 1 to 100000 but is 0.0; type a whole number of"
                + " steps, e.g. 20"), problems(zero));
        assertEquals(List.of("steps-half.xlsx, sheet Parameters, cell B31 (range steps): steps"
                + " must be a whole number from 1 to 100000 but is 2.5; type a whole number of"
                + " steps, e.g. 20"), problems(half));
    }

    @Test
    void refuses_an_unknown_optimizer_and_a_negative_epsilon_at_once() throws Exception {
        // given
        Path file = fixture("bad-optimizer", wb -> {
            words(wb, ROW, "optimizer", "adamw");
            number(wb, ROW + 2, "epsilon", -1e-8);
        });

        // when
        List<String> problems = problems(file);

        // then
        assertEquals(List.of("bad-optimizer.xlsx, sheet Parameters, cell B31 (name optimizer):"
                + " expected one of sgd, momentum, rmsprop, adam but found \"adamw\"; type one"
                + " of those words", "bad-optimizer.xlsx, sheet Parameters, cell B33 (range"
                + " epsilon): epsilon must be above 0 (and below 1) but is -1.0E-8; use a small"
                + " number such as 1e-8, the default"), problems);
    }

    @Test
    void warns_of_a_hyper_parameter_the_optimizer_does_not_use() throws Exception {
        // given
        Path file = fixture("unused-rho", wb -> number(wb, ROW, "rho", 0.5));

        // when
        Template template = TemplateReader.read(file);

        // then
        assertEquals(List.of("unused-rho.xlsx, sheet Parameters, cell B31 (range rho): the"
                + " optimizer sgd does not use rho; gradbook ignores it"), template.warnings());
    }

    // A number in column B under a workbook-scoped name.
    private static void number(XSSFWorkbook wb, int row, String name, double value) {
        words(wb, row, name, "");
        wb.getSheet(TemplateWriter.SHEET).getRow(row).getCell(1).setCellValue(value);
    }

    // ---------------------------------------------------------------------------------------
    // Fixtures: the worked example's template with words typed below its numbers.

    private static List<String> problems(Path file) {
        return assertThrows(TemplateException.class, () -> TemplateReader.read(file)).problems();
    }

    private static Path fixture(String name, Consumer<XSSFWorkbook> change) throws IOException {
        Path file = Files.createDirectories(FOLDER).resolve(name + ".xlsx");
        TemplateWriter.write(SampleNetworks.workedExample(), "FunctionNamesTest: " + name, file);
        change(file, change);
        return file;
    }

    private static void change(Path file, Consumer<XSSFWorkbook> change) throws IOException {
        try (InputStream in = Files.newInputStream(file);
                XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            change.accept(workbook);
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
    }

    private static void words(XSSFWorkbook wb, String name, String... words) {
        words(wb, ROW, name, words);
    }

    // The words in one row from column B, under a workbook-scoped name.
    private static void words(XSSFWorkbook wb, int row, String name, String... words) {
        Sheet sheet = wb.getSheet(TemplateWriter.SHEET);
        Row r = sheet.getRow(row) == null ? sheet.createRow(row) : sheet.getRow(row);
        for (int j = 0; j < words.length; j++) {
            r.createCell(1 + j).setCellValue(words[j]);
        }
        Name n = wb.createName();
        n.setNameName(name);
        n.setRefersToFormula("Parameters!$B$" + (row + 1) + ":$" + (char) ('B' + words.length - 1)
                + "$" + (row + 1));
    }
}
