package gradbook.cli;

import static gradbook.cli.Cli.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gradbook.core.GradientStep;
import gradbook.core.Matrix;
import gradbook.core.Network;
import gradbook.workbook.TemplateReader;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Issue 5, names: what a template's defined names may point at, and what they may not. */
class RunCommandNamesTest {
    private static final String P = "'Parameters'!";

    @Test
    void lists_the_names_found_and_expected_when_some_are_missing() {
        // given
        Path folder = Fixtures.folder(getClass(), "missing");
        Path template = Fixtures.edit(Fixtures.workedExample(folder.resolve("t.xlsx")), wb -> {
            wb.removeName(wb.getName("eta"));
            wb.removeName(wb.getName("W_1"));
        });
        Path output = folder.resolve("out.xlsx");
        Cli.Snapshot before = Cli.Snapshot.of(template);

        // when
        Cli.Result r = Cli.run("run", template, "-o", output);

        // then
        assertRefused(r, before, output, "t.xlsx: the template does not define W_1, eta",
                "found W_0, b_1, b_2, x, y", "needs x, y, W_0, W_1, b_1, b_2, eta");
    }

    @Test
    void names_the_gap_in_the_layer_numbering() {
        // given: three layers' names with W_1 and b_2 gone
        Path folder = Fixtures.folder(getClass(), "gap");
        Network three = new Network(Matrix.column(1, 1), Matrix.column(1),
                List.of(Matrix.filled(2, 2, 0.5), Matrix.filled(2, 2, 0.5),
                        Matrix.filled(2, 1, 0.5)),
                List.of(Matrix.column(0, 0), Matrix.column(0, 0), Matrix.column(0)), 0.1);
        Path template = Fixtures.edit(Fixtures.template(three, folder.resolve("t.xlsx")), wb -> {
            wb.removeName(wb.getName("W_1"));
            wb.removeName(wb.getName("b_2"));
        });
        Path output = folder.resolve("out.xlsx");
        Cli.Snapshot before = Cli.Snapshot.of(template);

        // when
        Cli.Result r = Cli.run("run", template, "-o", output);

        // then
        assertRefused(r, before, output, "does not define W_1, b_2", "a gap");
    }

    // Issue #7: steps and optimizer are checked as the other names are, every problem at once.
    @Test
    void refuses_steps_of_2_5_and_an_unknown_optimizer_with_one_line_each() {
        // given
        Path folder = Fixtures.folder(getClass(), "bad-training");
        Path template = Fixtures.edit(Fixtures.workedExample(folder.resolve("t.xlsx")), wb -> {
            wb.createName().setNameName("steps");
            wb.getName("steps").setRefersToFormula("2.5");
            wb.createName().setNameName("optimizer");
            wb.getName("optimizer").setRefersToFormula("\"adamw\"");
        });
        Path output = folder.resolve("out.xlsx");
        Cli.Snapshot before = Cli.Snapshot.of(template);

        // when
        Cli.Result r = Cli.run("run", template, "-o", output);

        // then
        assertRefused(r, before, output, "t.xlsx, name optimizer (=\"adamw\"): expected one of"
                + " sgd, momentum, rmsprop, adam but found \"adamw\"", "t.xlsx, name steps"
                + " (=2.5): steps must be a whole number from 1 to 100000 but is 2.5; type a"
                + " whole number of steps, e.g. 20");
        assertEquals(2, r.errLines().size(), "one line each\n" + r);
    }

    @Test
    void reports_a_name_that_points_at_deleted_cells() {
        Path folder = Fixtures.folder(getClass(), "ref-error");
        Path template = Fixtures.edit(Fixtures.workedExample(folder.resolve("t.xlsx")),
                wb -> wb.getName("W_0").setRefersToFormula(P + "#REF!"));
        Path output = folder.resolve("out.xlsx");
        Cli.Snapshot before = Cli.Snapshot.of(template);

        Cli.Result r = Cli.run("run", template, "-o", output);

        assertRefused(r, before, output, "t.xlsx, name W_0: points at", "#REF!",
                "define W_0 again");
    }

    @Test
    void reports_a_name_that_points_at_another_workbook() {
        Path folder = Fixtures.folder(getClass(), "other-workbook");
        Path template = Fixtures.edit(Fixtures.workedExample(folder.resolve("t.xlsx")),
                wb -> wb.getName("W_1").setRefersToFormula("[1]Parameters!$B$11:$C$12"));
        Path output = folder.resolve("out.xlsx");
        Cli.Snapshot before = Cli.Snapshot.of(template);

        Cli.Result r = Cli.run("run", template, "-o", output);

        assertRefused(r, before, output, "name W_1: points at another workbook",
                "[1]Parameters!$B$11:$C$12", "copy the values into this workbook");
    }

    @Test
    void reports_a_name_over_several_areas() {
        Path folder = Fixtures.folder(getClass(), "several-areas");
        Path template = Fixtures.edit(Fixtures.workedExample(folder.resolve("t.xlsx")),
                wb -> wb.getName("W_0").setRefersToFormula(P + "$B$8:$C$8," + P + "$B$9:$C$9"));
        Path output = folder.resolve("out.xlsx");
        Cli.Snapshot before = Cli.Snapshot.of(template);

        Cli.Result r = Cli.run("run", template, "-o", output);

        assertRefused(r, before, output, "name W_0: points at several areas",
                "one rectangular block");
    }

    @Test
    void reports_names_over_a_whole_column_or_row_without_reading_them() {
        // given
        Path folder = Fixtures.folder(getClass(), "whole");
        Path template = Fixtures.edit(Fixtures.workedExample(folder.resolve("t.xlsx")), wb -> {
            wb.getName("x").setRefersToFormula(P + "$B:$B");
            wb.getName("y").setRefersToFormula(P + "$4:$4");
        });
        Path output = folder.resolve("out.xlsx");
        Cli.Snapshot before = Cli.Snapshot.of(template);

        // when
        long start = System.nanoTime();
        Cli.Result r = Cli.run("run", template, "-o", output);
        double seconds = (System.nanoTime() - start) / 1e9;

        // then: both in one run, and no million cells were visited
        assertRefused(r, before, output, "name x: points at 'Parameters'!$B:$B, a whole column",
                "name y: points at 'Parameters'!$4:$4, a whole row");
        assertTrue(seconds < 20, "took " + seconds + " s, as if a whole column had been read");
    }

    @Test
    void reads_a_constant_name_and_says_where_its_value_came_from() throws Exception {
        // given: eta = 0.1 with no cell behind it
        Path folder = Fixtures.folder(getClass(), "constant");
        Path template = Fixtures.edit(Fixtures.workedExample(folder.resolve("t.xlsx")),
                wb -> wb.getName("eta").setRefersToFormula("0.1"));
        Path output = folder.resolve("out.xlsx");

        // when
        Cli.Result r = Cli.run("run", template, "-o", output);

        // then: the value read, the label that says where it came from, the twin =eta
        assertEquals(0, r.exit(), r.toString());
        try (XSSFWorkbook wb = Fixtures.open(output)) {
            assertEquals(0.1, Outputs.nameValue(wb, "step_W_0") / -GradientStep
                    .take(Fixtures.workedExample()).value("dE_dW_0").get(0, 0), 1e-15);
            XSSFSheet updates = wb.getSheet("Weight Updates");
            String text = sheetText(updates);
            assertTrue(text.contains("from the name eta, which holds =0.1 (no cell behind it)"),
                    text);
            assertTrue(formulas(updates).contains("eta"), formulas(updates).toString());
            Outputs.assertFormulasAgree(wb, Outputs.SHEETS_OF_TWO_LAYERS, 1e-12);
        }
    }

    @Test
    void evaluates_a_name_that_holds_a_formula_or_an_array() throws Exception {
        // given: eta = twice a cell, b_1 an array constant
        Path folder = Fixtures.folder(getClass(), "formula");
        Path template = Fixtures.edit(Fixtures.workedExample(folder.resolve("t.xlsx")), wb -> {
            wb.getName("eta").setRefersToFormula(P + "$B$18*2");
            wb.getName("b_1").setRefersToFormula("{-0.5,-1}");
        });
        Path output = folder.resolve("out.xlsx");

        // when
        Cli.Result r = Cli.run("run", template, "-o", output);

        // then
        assertEquals(0, r.exit(), r.toString());
        Network read = TemplateReader.read(template).network();
        assertEquals(0.2, read.eta(), 1e-15);
        assertEquals(Fixtures.workedExample().b(), read.b());
        try (XSSFWorkbook wb = Fixtures.open(output)) {
            List<String> twins = formulas(wb.getSheet("Network"));
            assertTrue(twins.contains("INDEX(b_1,1,2)"), twins.toString());
            Outputs.assertFormulasAgree(wb, Outputs.SHEETS_OF_TWO_LAYERS, 1e-12);
        }
    }

    @Test
    void reports_a_name_whose_formula_gives_text() {
        Path folder = Fixtures.folder(getClass(), "formula-text");
        Path template = Fixtures.edit(Fixtures.workedExample(folder.resolve("t.xlsx")),
                wb -> wb.getName("eta").setRefersToFormula("\"fast\""));
        Path output = folder.resolve("out.xlsx");
        Cli.Snapshot before = Cli.Snapshot.of(template);

        Cli.Result r = Cli.run("run", template, "-o", output);

        assertRefused(r, before, output, "name eta: holds =\"fast\"", "the text \"fast\"");
    }

    @Test
    void suggests_the_rename_for_names_that_are_cell_addresses() {
        // given: the document's own spelling W0, W1, b1, b2, which are cells, and a stray R1C1
        Path folder = Fixtures.folder(getClass(), "address-like");
        Path template = Fixtures.edit(Fixtures.workedExample(folder.resolve("t.xlsx")), wb -> {
            for (String n : List.of("W_0", "W_1", "b_1", "b_2")) {
                wb.getName(n).setNameName("PLACEHOLDER_" + n.replace("_", ""));
            }
            Name stray = wb.createName();
            stray.setNameName("PLACEHOLDER_R1C1");
            stray.setRefersToFormula(P + "$A$1");
        });
        Fixtures.rewritePart(template, "xl/workbook.xml", xml -> xml.replace("PLACEHOLDER_", ""));
        Path output = folder.resolve("out.xlsx");
        Cli.Snapshot before = Cli.Snapshot.of(template);

        // when
        Cli.Result r = Cli.run("run", template, "-o", output);

        // then
        assertRefused(r, before, output, "name W0: W0 is also the address of a cell",
                "rename it W_0", "rename it W_1", "rename it b_1", "rename it b_2",
                "name R1C1: is a cell address in R1C1 notation", "rename it R1C1_");
        assertFalse(r.err().contains("does not define"), r.toString());
    }

    @Test
    void a_name_damaged_to_start_with_no_letter_is_read_as_a_missing_parameter() {
        // given: b_1 spelled `_1 in the file, as one flipped bit makes it (found by the
        // property test: POI's address check threw on it)
        Path folder = Fixtures.folder(getClass(), "no-letter");
        Path template = Fixtures.workedExample(folder.resolve("t.xlsx"));
        Fixtures.rewritePart(template, "xl/workbook.xml", xml -> xml
                .replace("name=\"b_1\"", "name=\"`_1\""));
        Path output = folder.resolve("out.xlsx");
        Cli.Snapshot before = Cli.Snapshot.of(template);

        // when
        Cli.Result r = Cli.run("run", template, "-o", output);

        // then
        assertRefused(r, before, output, "t.xlsx: the template does not define b_1");
    }

    @Test
    void never_reads_hidden_or_built_in_names_as_parameters() {
        // given: a print area and a hidden eta beside the visible one, and a hidden x only
        Path folder = Fixtures.folder(getClass(), "hidden");
        Path template = Fixtures.edit(Fixtures.workedExample(folder.resolve("t.xlsx")), wb -> {
            wb.setPrintArea(0, "$A$1:$C$18");
            wb.getName("x").setNameName("PLACEHOLDER_x");
        });
        Fixtures.rewritePart(template, "xl/workbook.xml", xml -> xml
                .replace("name=\"PLACEHOLDER_x\"", "name=\"x\" hidden=\"1\""));
        Path output = folder.resolve("out.xlsx");
        Cli.Snapshot before = Cli.Snapshot.of(template);

        // when
        Cli.Result r = Cli.run("run", template, "-o", output);

        // then
        assertRefused(r, before, output, "name x: the name is hidden",
                "define x again as a visible name");
        assertFalse(r.err().contains("Print_Area"), r.toString());
    }

    @Test
    void reads_a_name_defined_on_one_sheet_only() throws Exception {
        // given: eta scoped to the sheet Parameters
        Path folder = Fixtures.folder(getClass(), "sheet-scope");
        Path template = Fixtures.edit(Fixtures.workedExample(folder.resolve("t.xlsx")),
                wb -> wb.getName("eta").setSheetIndex(0));
        Path output = folder.resolve("out.xlsx");

        // when
        Cli.Result r = Cli.run("run", template, "-o", output);

        // then: no warning, the value read
        assertEquals(0, r.exit(), r.toString());
        assertEquals("", r.err(), r.toString());
        assertEquals(0.1, TemplateReader.read(template).network().eta(), 0.0);
    }

    @Test
    void reads_a_constant_defined_on_one_sheet_only() throws Exception {
        // given: eta = 0.1, scoped to the sheet Parameters, with no cell behind it
        Path folder = Fixtures.folder(getClass(), "sheet-scope-constant");
        Path template = Fixtures.edit(Fixtures.workedExample(folder.resolve("t.xlsx")), wb -> {
            wb.getName("eta").setSheetIndex(0);
            wb.getName("eta").setRefersToFormula("0.1");
        });
        Path output = folder.resolve("out.xlsx");

        // when
        Cli.Result r = Cli.run("run", template, "-o", output);

        // then: the twin repeats the constant, since the name is out of reach elsewhere
        assertEquals(0, r.exit(), r.toString());
        try (XSSFWorkbook wb = Fixtures.open(output)) {
            assertTrue(formulas(wb.getSheet("Weight Updates")).contains("(0.1)"),
                    formulas(wb.getSheet("Weight Updates")).toString());
            Outputs.assertFormulasAgree(wb, Outputs.SHEETS_OF_TWO_LAYERS, 1e-12);
        }
    }

    @Test
    void says_which_name_was_used_when_several_sheets_define_it() throws Exception {
        // given: eta on Parameters (0.1) and on a second sheet (0.5), none for the workbook
        Path folder = Fixtures.folder(getClass(), "sheet-scope-several");
        Path template = Fixtures.edit(Fixtures.workedExample(folder.resolve("t.xlsx")), wb -> {
            XSSFSheet other = wb.createSheet("Other");
            other.createRow(0).createCell(0).setCellValue(0.5);
            wb.getName("eta").setSheetIndex(0);
            Name second = wb.createName();
            second.setSheetIndex(1);
            second.setNameName("eta");
            second.setRefersToFormula("'Other'!$A$1");
        });
        Path output = folder.resolve("out.xlsx");

        // when
        Cli.Result r = Cli.run("run", template, "-o", output);

        // then
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.err().contains("gradbook: warning: t.xlsx, name eta: not defined for the"
                + " workbook but on sheets Parameters, Other; gradbook used the one on sheet"
                + " Parameters"), r.toString());
        assertEquals(0.1, TemplateReader.read(template).network().eta(), 0.0);
    }

    @Test
    void prefers_the_workbook_name_and_says_so_when_a_sheet_defines_it_too() throws Exception {
        Path folder = Fixtures.folder(getClass(), "sheet-scope-and-global");
        Path template = Fixtures.edit(Fixtures.workedExample(folder.resolve("t.xlsx")), wb -> {
            Name local = wb.createName();
            local.setSheetIndex(0);
            local.setNameName("eta");
            local.setRefersToFormula(P + "$B$14");
        });
        Path output = folder.resolve("out.xlsx");

        Cli.Result r = Cli.run("run", template, "-o", output);

        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.err().contains("name eta: defined for the workbook"), r.toString());
        assertTrue(r.err().contains("gradbook used the workbook's"), r.toString());
        assertEquals(0.1, TemplateReader.read(template).network().eta(), 0.0);
    }

    @Test
    void reads_names_on_a_sheet_named_with_spaces_quotes_and_other_letters() throws Exception {
        // given
        Path folder = Fixtures.folder(getClass(), "sheet-name");
        String sheet = "Poids d'entrée Ωмега 1";
        Path template = Fixtures.edit(Fixtures.workedExample(folder.resolve("t.xlsx")),
                wb -> wb.setSheetName(0, sheet));
        Path output = folder.resolve("out.xlsx");

        // when
        Cli.Result r = Cli.run("run", template, "-o", output);

        // then: the values read, and the twins reach the cells through the quoted name
        assertEquals(0, r.exit(), r.toString());
        assertEquals(Fixtures.workedExample(), TemplateReader.read(template).network());
        try (XSSFWorkbook wb = Fixtures.open(output)) {
            List<String> twins = formulas(wb.getSheet("Network"));
            assertTrue(twins.contains("'Poids d''entrée Ωмега 1'!$B$8"), twins.toString());
            Outputs.assertFormulasAgree(wb, Outputs.SHEETS_OF_TWO_LAYERS, 1e-12);
        }
    }

    private static String sheetText(XSSFSheet sheet) {
        StringBuilder text = new StringBuilder();
        sheet.forEach(row -> row.forEach(cell -> {
            if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING) {
                text.append(cell.getStringCellValue()).append('\n');
            }
        }));
        return text.toString();
    }

    private static List<String> formulas(XSSFSheet sheet) {
        List<String> formulas = new java.util.ArrayList<>();
        sheet.forEach(row -> row.forEach(cell -> {
            if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.FORMULA) {
                formulas.add(cell.getCellFormula());
            }
        }));
        return formulas;
    }
}
