package gradbook.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gradbook.audit.Tolerance;
import gradbook.batch.Generation;
import gradbook.batch.Outcome;
import gradbook.core.Activation;
import gradbook.core.BatchGradient;
import gradbook.core.Convention;
import gradbook.core.Exercise;
import gradbook.core.GradientStep;
import gradbook.core.Initialisation;
import gradbook.core.Loss;
import gradbook.core.Trace;
import gradbook.workbook.Edits;
import gradbook.workbook.FormulaMode;
import gradbook.workbook.Judging;
import gradbook.workbook.TemplateWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The big-layer benchmark's look at an output finds a right workbook right, and no other. */
class OutputCheckTest {
    @TempDir
    static Path folder;

    private static Path written;
    private static Trace trace;

    @BeforeAll
    static void write() throws Exception {
        Exercise exercise = exercise(3);
        Path template = folder.resolve("template.xlsx");
        TemplateWriter.writeExercise(exercise.network(), "An exercise", template);
        written = folder.resolve("out.xlsx");
        Outcome outcome = Generation.run(new Generation.Request(template, written,
                new Judging(Convention.TEXTBOOK, Tolerance.standard()), false, false, null,
                null, FormulaMode.AUTO));
        assertEquals(Outcome.Status.WRITTEN, outcome.status(), outcome.messages().toString());
        trace = GradientStep.take(exercise.network());
    }

    // Two hidden layers, so that W_0 to W_2 and b_1 to b_3 are all looked at.
    private static Exercise exercise(long seed) {
        return new Exercise(List.of(5, 4, 3, 2), List.of(Activation.TANH), Loss.HALF_SSE,
                BatchGradient.SUM, Initialisation.XAVIER, seed, 1, null, null, 0.1);
    }

    @Test
    void the_workbook_gradbook_wrote_holds_the_trace() {
        assertNull(OutputCheck.problem(written, trace));
    }

    @Test
    void another_networks_trace_is_told_apart() {
        String problem = OutputCheck.problem(written,
                GradientStep.take(exercise(4).network()));
        assertTrue(problem != null && problem.startsWith("E is "), problem);
    }

    @Test
    void one_changed_entry_is_found() throws Exception {
        Path changed = changed("changed.xlsx", wb -> {
            AreaReference area = new AreaReference(wb.getName("b_3_new").getRefersToFormula(),
                    SpreadsheetVersion.EXCEL2007);
            CellReference last = area.getLastCell();
            var cell = wb.getSheet(last.getSheetName()).getRow(last.getRow())
                    .getCell(last.getCol());
            cell.setCellValue(cell.getNumericCellValue() + 1e-6);
        });
        String problem = OutputCheck.problem(changed, trace);
        assertTrue(problem != null && problem.startsWith("b_3_new["), problem);
    }

    @Test
    void a_missing_name_is_named() throws Exception {
        Path changed = changed("unnamed.xlsx", wb -> wb.removeName(wb.getName("W_1_new")));
        assertEquals("no defined name W_1_new", OutputCheck.problem(changed, trace));
    }

    // A copy of the written workbook, changed through POI.
    private static Path changed(String name, Consumer<XSSFWorkbook> change) throws Exception {
        Path copy = folder.resolve(name);
        Files.copy(written, copy, StandardCopyOption.REPLACE_EXISTING);
        return Edits.edit(copy, change);
    }

    @Test
    void a_workbook_cut_short_cannot_be_read() throws Exception {
        Path broken = folder.resolve("broken.xlsx");
        byte[] bytes = Files.readAllBytes(written);
        Files.write(broken, Arrays.copyOf(bytes, bytes.length / 2)); // as if cut short
        String problem = OutputCheck.problem(broken, trace);
        assertTrue(problem != null && problem.startsWith("cannot be read"), problem);
    }
}
