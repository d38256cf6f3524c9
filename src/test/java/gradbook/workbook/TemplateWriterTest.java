package gradbook.workbook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import gradbook.audit.HandCell;
import gradbook.audit.HandValue;
import gradbook.core.GradientStep;
import gradbook.core.Matrix;
import gradbook.core.Network;
import gradbook.core.Networks;
import gradbook.core.Printed;
import gradbook.core.Trace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The example templates are made by {@link TemplateWriter}: run this class with
 * {@code -Dgradbook.regenerate=true} to write templates/worked-example.xlsx and
 * templates/classifier-example.xlsx again.
 */
class TemplateWriterTest {
    static final Path COMMITTED = Path.of("templates", "worked-example.xlsx");
    static final Path CLASSIFIER = Path.of("templates", "classifier-example.xlsx");
    static final String CLASSIFIER_TITLE = "A small classifier: tanh, then softmax,"
            + " cross-entropy averaged over 3 samples";
    static final String TITLE = "The worked example: Kim Hammar, Neural Network Computation"
            + " (KTH, 2018)";

    @Test
    void the_committed_example_template_reads_back_to_the_documents_numbers() throws Exception {
        // given
        Path template = COMMITTED;

        // when
        Template t = TemplateReader.read(template);
        Trace trace = GradientStep.take(t.network());
        List<HandValue> hands = HandValueReader.read(t, trace);

        // then
        assertSameNetwork(Networks.workedExample(), t.network());
        assertEquals(Printed.values(), asMatrices(hands), "the hand values: the printed numbers");
    }

    @Test
    void writes_the_example_template_that_is_committed() throws Exception {
        // given
        Files.createDirectories(GradientCheckSheetTest.OUT);
        Path written = GradientCheckSheetTest.OUT.resolve("worked-example.xlsx");

        // when
        TemplateWriter.write(Networks.workedExample(), TITLE, Printed.values(), written);

        // then
        if (Boolean.getBoolean("gradbook.regenerate")) {
            Files.copy(written, COMMITTED, StandardCopyOption.REPLACE_EXISTING);
        }
        Template fresh = TemplateReader.read(written);
        Template committed = TemplateReader.read(COMMITTED);
        Trace trace = GradientStep.take(fresh.network());
        assertSameNetwork(fresh.network(), committed.network());
        assertEquals(asMatrices(HandValueReader.read(fresh, trace)),
                asMatrices(HandValueReader.read(committed, trace)),
                "the committed template's hand values; regenerate with -Dgradbook.regenerate=true");
        assertEquals(cells(HandValueReader.read(fresh, trace)),
                cells(HandValueReader.read(committed, trace)), "where the hand values are");
    }

    // Issue #7: the second example shows the template's choices and several samples.
    @Test
    void writes_the_classifier_template_that_is_committed() throws Exception {
        // given
        Files.createDirectories(GradientCheckSheetTest.OUT);
        Path written = GradientCheckSheetTest.OUT.resolve("classifier-example.xlsx");

        // when
        TemplateWriter.write(Networks.classifier(), CLASSIFIER_TITLE, written);

        // then
        if (Boolean.getBoolean("gradbook.regenerate")) {
            Files.copy(written, CLASSIFIER, StandardCopyOption.REPLACE_EXISTING);
        }
        assertSameNetwork(Networks.classifier(), TemplateReader.read(written).network());
        assertSameNetwork(Networks.classifier(), TemplateReader.read(CLASSIFIER).network());
    }

    @Test
    void leaves_a_hand_value_given_as_NaN_empty_for_a_person_to_fill_in() throws Exception {
        // given
        Files.createDirectories(GradientCheckSheetTest.OUT);
        Path written = GradientCheckSheetTest.OUT.resolve("exercise.xlsx");
        Map<String, Matrix> blank = new LinkedHashMap<>();
        blank.put("dE_dW_0", Matrix.filled(2, 2, Double.NaN));

        // when
        TemplateWriter.write(Networks.workedExample(), "An exercise", blank, written);

        // then
        Template t = TemplateReader.read(written);
        List<HandValue> hands = HandValueReader.read(t, GradientStep.take(t.network()));
        assertEquals(1, hands.size());
        assertEquals(List.of("'Hand Values'!B5", "'Hand Values'!C5"),
                hands.get(0).cells().get(0).stream().map(HandCell::cell).toList());
        hands.get(0).cells().forEach(row -> row.forEach(c -> assertEquals(false, c.isGiven(),
                c.cell() + " given")));
    }

    private static void assertSameNetwork(Network expected, Network actual) {
        assertEquals(expected.x(), actual.x(), "x");
        assertEquals(expected.y(), actual.y(), "y");
        assertEquals(expected.W(), actual.W(), "W");
        assertEquals(expected.b(), actual.b(), "b");
        assertEquals(expected.eta(), actual.eta(), "eta");
        assertEquals(expected.activation(), actual.activation(), "activation");
        assertEquals(expected.loss(), actual.loss(), "loss");
        assertEquals(expected.batch(), actual.batch(), "batch_gradient");
        assertEquals(expected.updateBiases(), actual.updateBiases(), "update_biases");
    }

    /** The hand values as matrices in the quantity's layout (vectors as columns). */
    static Map<String, Matrix> asMatrices(List<HandValue> hands) {
        Map<String, Matrix> m = new LinkedHashMap<>();
        for (HandValue h : hands) {
            double[][] v = new double[h.rows()][h.cols()];
            for (int i = 0; i < h.rows(); i++) {
                for (int j = 0; j < h.cols(); j++) {
                    v[i][j] = h.cells().get(i).get(j).value();
                }
            }
            Matrix laid = Matrix.of(v);
            m.put(h.name(), h.rows() == 1 && !h.name().startsWith("dE_dW")
                    && !h.name().startsWith("W_") ? laid.transpose() : laid);
        }
        return m;
    }

    private static List<String> cells(List<HandValue> hands) {
        return hands.stream().flatMap(h -> h.cells().stream()).flatMap(List::stream)
                .map(HandCell::cell).toList();
    }
}
