package gradbook.cli;

import static gradbook.cli.Cli.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gradbook.core.GradientStep;
import gradbook.core.Matrix;
import gradbook.core.Network;
import gradbook.core.Trace;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 5, regeneration: a workbook gradbook wrote can be run again, to another file or in
 * place; only what gradbook made is replaced.
 */
class RunCommandRegenerationTest {
    private static final String NOTES = "My notes";
    /** A SHA-256 digest in hex, as the properties give the template's. */
    private static final Pattern DIGEST = Pattern.compile("[0-9a-f]{64}");

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

    // Finding F2: each run in place left the last run's chart, its sheets' relationships and
    // its cell styles behind, so the workbook grew by about 2 kB a run.
    @Test
    void regenerating_in_place_again_leaves_the_same_parts_as_the_run_before() throws Exception {
        // given: a workbook regenerated once in place, then given a person's sheet, name and
        // comment, whose parts (comments, drawing) sit among those of the generated sheets
        Path folder = Fixtures.folder(getClass(), "settles");
        Path workbook = Fixtures.workedExample(folder.resolve("t.xlsx"));
        assertEquals(0, Cli.run("run", workbook, "--in-place").exit());
        Fixtures.edit(workbook, RunCommandRegenerationTest::addPersonalSheet);
        Fixtures.edit(workbook, wb -> comment(wb.getSheet(NOTES), "checked by hand"));

        // when: regenerated in place twice more
        Cli.Result second = Cli.run("run", workbook, "--in-place");
        Map<String, String> afterSecond = parts(workbook);
        Cli.Result third = Cli.run("run", workbook, "--in-place");
        Map<String, String> afterThird = parts(workbook);

        // then: the same parts, alike but for the digest of the file each run read
        assertEquals(0, second.exit(), second.toString());
        assertEquals(0, third.exit(), third.toString());
        assertSameParts(afterSecond, afterThird);
        assertRegenerated(workbook, Fixtures.workedExample().W().get(0).get(0, 0));
        try (XSSFWorkbook wb = Fixtures.open(workbook)) {
            assertEquals("checked by hand", wb.getSheet(NOTES).getCellComment(
                    new CellAddress(0, 0)).getString().getString(), "the person's comment");
        }
    }

    // The committed templates: the worked example's hand values add the Audit sheet and its
    // styles, the classifier two activations and the note under the activation table.
    @ParameterizedTest
    @ValueSource(strings = {"worked-example.xlsx", "classifier-example.xlsx"})
    void regenerating_a_committed_template_in_place_again_leaves_the_same_parts(String name) {
        // given
        Path folder = Fixtures.folder(getClass(), "settles-" + name);
        Path workbook = folder.resolve(name);
        copy(Path.of("templates", name), workbook);
        assertEquals(0, Cli.run("run", workbook, "--in-place").exit());

        // when
        Cli.Result second = Cli.run("run", workbook, "--in-place");
        Map<String, String> afterSecond = parts(workbook);
        Cli.Result third = Cli.run("run", workbook, "--in-place");

        // then
        assertEquals(0, second.exit(), second.toString());
        assertEquals(0, third.exit(), third.toString());
        assertSameParts(afterSecond, parts(workbook));
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

    private static void assertSameParts(Map<String, String> before, Map<String, String> after) {
        assertEquals(before.keySet(), after.keySet(), "the parts");
        for (String part : before.keySet()) {
            assertEquals(before.get(part), after.get(part), part);
        }
    }

    // Each part's text, by name, with two numbers masked that no run can keep. A run records
    // the digest of the file it read, which in place is the last run's output. And POI counts
    // the uses of the shared strings on from the count it read, with no way to set it, so the
    // count goes up each run though the strings stay the same.
    private static Map<String, String> parts(Path file) {
        Map<String, String> parts = new TreeMap<>();
        try (InputStream in = Files.newInputStream(file);
                ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                String text = new String(zip.readAllBytes(), StandardCharsets.ISO_8859_1);
                text = DIGEST.matcher(text).replaceAll("<digest>");
                if (e.getName().equals("xl/sharedStrings.xml")) {
                    text = text.replaceFirst("<sst count=\"\\d+\"", "<sst count=\"?\"");
                }
                parts.put(e.getName(), text);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return parts;
    }

    private static void comment(XSSFSheet sheet, String text) {
        ClientAnchor anchor = sheet.getWorkbook().getCreationHelper().createClientAnchor();
        anchor.setCol1(1);
        anchor.setCol2(3);
        anchor.setRow2(2);
        Comment comment = sheet.createDrawingPatriarch().createCellComment(anchor);
        comment.setString(new XSSFRichTextString(text));
        comment.setAddress(0, 0);
    }

    private static void copy(Path from, Path to) {
        try {
            Files.copy(from, to);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
