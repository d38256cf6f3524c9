package gradbook.workbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import gradbook.audit.Audit;
import gradbook.audit.HandValue;
import gradbook.audit.Tolerance;
import gradbook.audit.Verdict;
import gradbook.core.GradientStep;
import gradbook.core.Matrix;
import gradbook.core.Network;
import gradbook.core.Networks;
import gradbook.core.Trace;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class HandValueReaderTest {
    private static final Network NET = Networks.random(new Random(2), 3, 2);
    private static final Trace TRACE = GradientStep.take(NET);

    @Test
    void reads_a_matrix_of_the_transposed_shape_and_judges_it_a_transpose() throws Exception {
        // given
        Map<String, Matrix> hand = new LinkedHashMap<>();
        hand.put("dE_dW_0", TRACE.value("dE_dW_0").transpose());
        Path file = template("hand-transposed.xlsx", hand, wb -> { });

        // when
        Template t = TemplateReader.read(file);
        List<HandValue> hands = HandValueReader.read(t, TRACE);
        Audit audit = Audit.judge(TRACE, null, hands, Tolerance.standard());

        // then
        assertEquals(2, hands.get(0).rows(), "read as laid out, 2 × 3");
        assertEquals("transposed", audit.quantities().get(0).causes().get(0).code());
        assertEquals(true, audit.quantities().get(0).writtenTransposed());
    }

    @Test
    void reports_file_sheet_cells_and_name_when_a_hand_value_has_the_wrong_shape()
            throws Exception {
        // given
        Map<String, Matrix> hand = new LinkedHashMap<>();
        hand.put("dE_dW_0", TRACE.value("dE_dW_0"));
        Path file = template("hand-shape.xlsx", hand, wb -> {
            Name n = wb.createName();
            n.setNameName("hand_z_0");
            n.setRefersToFormula("'Hand Values'!$B$5:$C$6");
        });

        // when
        TemplateException e = assertThrows(TemplateException.class,
                () -> HandValueReader.read(TemplateReader.read(file), TRACE));

        // then
        assertEquals(List.of("hand-shape.xlsx, sheet Hand Values, cells B5:C6 (range hand_z_0):"
                + " hand_z_0 is 2 × 2 but z_0 is 2 × 1; define hand_z_0 over 2 cells in one row"
                + " or one column"), e.problems());
    }

    @Test
    void judges_text_in_a_hand_cell_as_not_a_number_and_reads_names_in_any_case()
            throws Exception {
        // given
        Map<String, Matrix> hand = new LinkedHashMap<>();
        hand.put("a_0", TRACE.value("a_0"));
        Path file = template("hand-text.xlsx", hand, wb -> {
            wb.getSheet("Hand Values").getRow(4).getCell(1).setCellValue("0,5");
            wb.getName("hand_a_0").setNameName("HAND_A_0");
        });

        // when
        List<HandValue> hands = HandValueReader.read(TemplateReader.read(file), TRACE);

        // then
        assertEquals("a_0", hands.get(0).name());
        assertEquals("0,5", hands.get(0).cells().get(0).get(0).text());
        assertEquals("'Hand Values'!B5", hands.get(0).cells().get(0).get(0).cell());
        assertEquals(TRACE.value("a_0").get(1, 0), hands.get(0).cells().get(0).get(1).value());
    }

    // Issue #7: several samples make a_1 a matrix, a column per sample, judged like any other.
    @Test
    void judges_the_hand_values_of_a_network_of_several_samples() throws Exception {
        // given the classifier's a_1 right and its dE_dW_1 doubled
        Network classifier = Networks.classifier();
        Trace trace = GradientStep.take(classifier);
        Map<String, Matrix> hand = new LinkedHashMap<>();
        hand.put("a_1", trace.value("a_1"));
        hand.put("dE_dW_1", trace.value("dE_dW_1").scale(2));
        Files.createDirectories(GradientCheckSheetTest.OUT);
        Path file = GradientCheckSheetTest.OUT.resolve("hand-samples.xlsx");
        TemplateWriter.write(classifier, "hand-samples", hand, file);

        // when
        List<HandValue> hands = HandValueReader.read(TemplateReader.read(file), trace);
        Audit audit = Audit.judge(trace, null, hands, Tolerance.standard());

        // then
        assertEquals(List.of(Verdict.MATCH, Verdict.MISMATCH), audit.quantities().stream()
                .map(q -> q.verdict()).toList());
        assertEquals("doubled", audit.quantities().get(1).causes().get(0).code());
    }

    private static Path template(String name, Map<String, Matrix> hand,
            Consumer<XSSFWorkbook> edit) throws Exception {
        Files.createDirectories(GradientCheckSheetTest.OUT);
        Path file = GradientCheckSheetTest.OUT.resolve(name);
        TemplateWriter.write(NET, name, hand, file);
        try (InputStream in = Files.newInputStream(file);
                XSSFWorkbook wb = new XSSFWorkbook(in)) {
            edit.accept(wb);
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
        return file;
    }
}
