package gradbook.workbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import gradbook.core.Convention;
import gradbook.core.GradientStep;
import gradbook.core.Networks;
import gradbook.core.Trace;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

// Issue #3: the gradient check can be recomputed from the workbook's own formulas.
class GradientCheckSheetTest {
    static final Path OUT = Path.of("target", "workbooks");

    @Test
    void every_central_difference_is_recomputed_by_formulas_from_the_template_cells()
            throws Exception {
        // given
        Path out = written("worked-example.xlsx", Convention.TEXTBOOK,
                "gradient-check-example.xlsx");

        // when
        try (XSSFWorkbook wb = open(out)) {
            FormulaEvaluator evaluator = wb.getCreationHelper().createFormulaEvaluator();
            evaluator.clearAllCachedResultValues();

            // then
            assertNotNull(wb.getSheet(GradientCheckSheet.NAME), "the Gradient Check sheet");
            for (String name : new String[] {"fd_dE_dW_1", "fd_dE_db_2", "fd_dE_dW_0",
                "fd_dE_db_1"}) {
                String gradient = name.substring(3);
                AreaReference fd = area(wb, name);
                AreaReference bp = area(wb, gradient);
                int rows = fd.getLastCell().getRow() - fd.getFirstCell().getRow() + 1;
                int cols = fd.getLastCell().getCol() - fd.getFirstCell().getCol() + 1;
                for (int i = 0; i < rows; i++) {
                    for (int j = 0; j < cols; j++) {
                        Cell twin = offset(wb, fd, i, j, twinShift(wb, fd));
                        double formula = evaluator.evaluate(twin).getNumberValue();
                        double backprop = offset(wb, bp, i, j, 0).getNumericCellValue();
                        assertClose(name + "[" + i + "][" + j + "] by formula", backprop,
                                formula, 1e-7);
                    }
                }
            }
        }
    }

    @Test
    void every_formula_of_the_workbook_gives_the_value_stored_beside_it() throws Exception {
        // given
        Path out = written("worked-example.xlsx", Convention.NOTEBOOK,
                "gradient-check-notebook.xlsx");

        // when
        try (XSSFWorkbook wb = open(out)) {
            FormulaEvaluator evaluator = wb.getCreationHelper().createFormulaEvaluator();
            evaluator.clearAllCachedResultValues();
            int formulas = 0;

            // then
            for (Cell cell : RoundTripCheck.formulaCells(wb)) {
                formulas++;
                double cached = cell.getNumericCellValue();
                double computed = evaluator.evaluate(cell).getNumberValue();
                assertClose(cell.getSheet().getSheetName() + "!" + cell.getAddress(), cached,
                        computed, 1e-9 + 1e-9 * Math.abs(cached));
            }
            assertTrue(formulas > 200, "formulas seen: " + formulas);
        }
    }

    @Test
    void a_large_network_checks_a_sample_leaves_the_rest_blank_and_says_so() throws Exception {
        // given
        Files.createDirectories(OUT);
        Path template = OUT.resolve("sampled.xlsx");
        TemplateWriter.write(Networks.random(new Random(3), 30, 12, 4), "sampled", template);
        Template t = TemplateReader.read(template);
        Path out = OUT.resolve("sampled-gradbook.xlsx");

        // when
        WorkbookWriter.write(t, GradientStep.take(t.network()), out);

        // then
        try (XSSFWorkbook wb = open(out)) {
            FormulaEvaluator evaluator = wb.getCreationHelper().createFormulaEvaluator();
            AreaReference fd = area(wb, "fd_dE_dW_0");
            AreaReference bp = area(wb, "dE_dW_0");
            int shift = twinShift(wb, fd);
            int checked = 0;
            for (int i = 0; i < 30; i++) {
                for (int j = 0; j < 12; j++) {
                    Cell java = offset(wb, fd, i, j, 0);
                    Cell twin = offset(wb, fd, i, j, shift);
                    if (java == null) {
                        assertEquals(null, twin, "an unchecked entry has no twin either");
                        continue;
                    }
                    checked++;
                    assertClose("fd_dE_dW_0[" + i + "][" + j + "] by formula",
                            offset(wb, bp, i, j, 0).getNumericCellValue(),
                            evaluator.evaluate(twin).getNumberValue(), 1e-7);
                }
            }
            assertEquals(20, checked, "entries of W_0 checked");
            String notes = wb.getSheet(GradientCheckSheet.NAME).getRow(5).getCell(0)
                    .getStringCellValue();
            assertTrue(notes.contains("The network has 424 parameters, more than 300"), notes);
        }
    }

    static Path written(String template, Convention convention, String name) throws Exception {
        Files.createDirectories(OUT);
        Template t = TemplateReader.read(Path.of("templates", template));
        Trace trace = GradientStep.take(t.network(), convention);
        Path out = OUT.resolve(name);
        WorkbookWriter.write(t, trace, out);
        return out;
    }

    static XSSFWorkbook open(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    static AreaReference area(XSSFWorkbook wb, String name) {
        return new AreaReference(wb.getName(name).getRefersToFormula(),
                wb.getSpreadsheetVersion());
    }

    /** Entry (i, j) of a quantity's Java block, or {@code shift} columns right of it. */
    static Cell offset(XSSFWorkbook wb, AreaReference area, int i, int j, int shift) {
        CellReference first = area.getFirstCell();
        Row row = wb.getSheet(first.getSheetName()).getRow(first.getRow() + i);
        return row == null ? null : row.getCell(first.getCol() + j + shift);
    }

    /** How far right of the Java block the twins start: where the header says "formula". */
    static int twinShift(XSSFWorkbook wb, AreaReference area) {
        CellReference first = area.getFirstCell();
        Row header = wb.getSheet(first.getSheetName()).getRow(first.getRow() - 1);
        for (Cell c : header) {
            if (c.getCellType() == CellType.STRING && c.getStringCellValue().equals("formula")) {
                return c.getColumnIndex() - first.getCol();
            }
        }
        throw new AssertionError("no formula header above " + first.formatAsString());
    }

    static void assertClose(String what, double expected, double actual, double tolerance) {
        double difference = actual - expected;
        if (!(Math.abs(difference) <= tolerance)) {
            fail(String.format("%s: expected %s but was %s (tolerance %s, difference %s)", what,
                    expected, actual, tolerance, difference));
        }
        assertEquals(expected, actual, tolerance);
    }
}
