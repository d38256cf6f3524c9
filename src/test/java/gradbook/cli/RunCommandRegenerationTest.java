package gradbook.cli;

import static gradbook.cli.Cli.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gradbook.core.GradientStep;
import gradbook.core.Matrix;
import gradbook.core.Network;
import gradbook.core.Trace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * Issue 5, regeneration: a workbook gradbook wrote can be run again, to another file or in
 * place; only what gradbook made is replaced.
 */
class RunCommandRegenerationTest {
    private static final String NOTES = "My notes";

    @Test
    void regenerates_twice_keeping_a_persons_sheet_formulas_and_formatting() throws Exception {
        // given: a generated workbook to which a person added a sheet, formulas and a name
        Path folder = Fixtures.folder(getClass(), "twice");
        Path template = Fixtures.workedExample(folder.resolve("t.xlsx"));
        Path first = folder.resolve("first.xlsx");
        Path second = folder.resolve("second.xlsx");
        assertEquals(0, Cli.run("run", template, "-o", first).exit());
        Fixtures.edit(first, RunCommandRegenerationTest::addPersonalSheet);

        // when: W_0's first weight is edited and the workbook is run to another file
        setFirstWeight(first, 0.75);
        Cli.Result toOther = Cli.run("run", first, "-o", second);

        // then
        assertEquals(0, toOther.exit(), toOther.toString());
        assertRegenerated(second, 0.75);

        // when: edited again and regenerated in place
        setFirstWeight(second, 0.5);
        Cli.Result inPlace = Cli.run("run", second, "--in-place");

        // then
        assertEquals(0, inPlace.exit(), inPlace.toString());
        assertRegenerated(second, 0.5);
        Cli.assertNoTemporaryFiles(folder);
    }

    @Test
    void regenerates_a_workbook_in_place_from_a_plain_template() throws Exception {
        // given
        Path folder = Fixtures.folder(getClass(), "in-place");
        Path template = Fixtures.workedExample(folder.resolve("t.xlsx"));

        // when: twice in place, so the second run meets its own sheets and names
        Cli.Result r1 = Cli.run("run", template, "--in-place");
        Cli.Result r2 = Cli.run("run", template, "--in-place", "-v");

        // then
        assertEquals(0, r1.exit(), r1.toString());
        assertEquals(0, r2.exit(), r2.toString());
        assertTrue(r2.err().contains("replacing its 8 generated sheets and 36 generated names"),
                r2.toString());
        try (XSSFWorkbook wb = Fixtures.open(template)) {
            assertEquals(sheetsAfter("Parameters"), sheets(wb));
            Outputs.assertFormulasAgree(wb, Outputs.SHEETS_OF_TWO_LAYERS, 1e-12);
        }
    }

    @Test
    void names_both_sheets_when_a_template_sheet_takes_a_generated_name() {
        TemplateCase c = new TemplateCase(getClass(), "collision",
                wb -> wb.createSheet("error").createRow(0).createCell(0).setCellValue("mine"));

        Cli.Result r = c.run();

        assertRefused(r, c.before, c.output, "t.xlsx, sheet error: the template's sheet error"
                + " has the name of the sheet gradbook generates, Error",
                "rename the template's sheet");
    }

    @Test
    void reports_a_template_name_that_gradbook_would_generate() {
        TemplateCase c = new TemplateCase(getClass(), "name-collision", wb -> {
            Name e = wb.createName();
            e.setNameName("E");
            e.setRefersToFormula("'Parameters'!$A$1");
        });

        Cli.Result r = c.run();

        assertRefused(r, c.before, c.output, "name E: the template defines a name gradbook"
                + " generates");
    }

    // A sheet after the generated ones, with formulas on the template's cells, on a generated
    // name and on a generated sheet, a bold cell, a wide column, and a name of the person's.
    private static void addPersonalSheet(XSSFWorkbook wb) {
        XSSFSheet notes = wb.createSheet(NOTES);
        notes.setColumnWidth(0, 30 * 256);
        Cell label = notes.createRow(0).createCell(0);
        label.setCellValue("double the first updated weight");
        Font bold = wb.createFont();
        bold.setBold(true);
        CellStyle style = wb.createCellStyle();
        style.setFont(bold);
        label.setCellStyle(style);
        notes.createRow(1).createCell(0).setCellFormula("INDEX(W_0_new,1,1)*2");
        notes.createRow(2).createCell(0).setCellFormula("Parameters!B8*10");
        notes.createRow(3).createCell(0).setCellFormula("'Weight Updates'!A1");
        Name mine = wb.createName();
        mine.setNameName("my_double");
        mine.setRefersToFormula("'" + NOTES + "'!$A$2");
    }

    private static void setFirstWeight(Path workbook, double w) {
        Fixtures.edit(workbook, wb -> wb.getSheet("Parameters").getRow(7).getCell(1)
                .setCellValue(w));
    }

    private static void assertRegenerated(Path file, double firstWeight) throws Exception {
        Network worked = Fixtures.workedExample();
        double[][] w0 = {{firstWeight, -0.5}, {-0.5, 1}};
        Network edited = new Network(worked.x(), worked.y(),
                List.of(Matrix.of(w0), worked.W().get(1)), worked.b(), worked.eta());
        Trace expected = GradientStep.take(edited);
        try (XSSFWorkbook wb = Fixtures.open(file)) {
            // the sheets: the template's, the person's, then gradbook's, none twice
            assertEquals(sheetsAfter("Parameters", NOTES), sheets(wb));
            // the person's sheet as they left it
            XSSFSheet notes = wb.getSheet(NOTES);
            assertEquals("INDEX(W_0_new,1,1)*2", notes.getRow(1).getCell(0).getCellFormula());
            assertEquals("Parameters!B8*10", notes.getRow(2).getCell(0).getCellFormula());
            assertEquals("'Weight Updates'!A1", notes.getRow(3).getCell(0).getCellFormula());
            assertTrue(wb.getFontAt(notes.getRow(0).getCell(0).getCellStyle().getFontIndex())
                    .getBold(), "the person's bold label");
            assertEquals(30 * 256, notes.getColumnWidth(0));
            assertEquals("'My notes'!$A$2", wb.getName("my_double").getRefersToFormula());
            // the generated values follow the edited weight, and the person's formula with them
            double updated = expected.value("W_0_new").get(0, 0);
            assertEquals(updated, Outputs.nameValue(wb, "W_0_new"), 1e-15, "W_0_new(1, 1)");
            FormulaEvaluator evaluator = wb.getCreationHelper().createFormulaEvaluator();
            assertEquals(2 * updated, evaluator.evaluate(notes.getRow(1).getCell(0))
                    .getNumberValue(), 1e-15, "the person's formula");
            assertEquals(10 * firstWeight, evaluator.evaluate(notes.getRow(2).getCell(0))
                    .getNumberValue(), 1e-15, "the person's formula on the template's cell");
            String title = wb.getSheet("Weight Updates").getRow(0).getCell(0)
                    .getStringCellValue();
            assertEquals(title, evaluator.evaluate(notes.getRow(3).getCell(0)).getStringValue(),
                    "the person's formula on gradbook's sheet");
            Outputs.assertFormulasAgree(wb, Outputs.SHEETS_OF_TWO_LAYERS, 1e-12);
        }
    }

    private static List<String> sheetsAfter(String... own) {
        List<String> sheets = new ArrayList<>(List.of(own));
        sheets.addAll(Outputs.SHEETS_OF_TWO_LAYERS);
        return sheets;
    }

    private static List<String> sheets(XSSFWorkbook wb) {
        List<String> sheets = new ArrayList<>();
        for (int s = 0; s < wb.getNumberOfSheets(); s++) {
            sheets.add(wb.getSheetName(s));
        }
        return sheets;
    }
}
