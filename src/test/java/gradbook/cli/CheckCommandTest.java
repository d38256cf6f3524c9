package gradbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import gradbook.audit.AuditReport;
import gradbook.core.GradientStep;
import gradbook.core.Networks;
import gradbook.core.Printed;
import gradbook.core.Trace;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

// Issue #3: gradbook check grades the hand values of a workbook.
class CheckCommandTest {
    @Test
    void check_on_the_example_template_exits_3_and_lists_the_mismatches() {
        // given
        String template = Cli.EXAMPLE.toString();

        // when
        Cli.Result run = Cli.run("check", template);

        // then
        assertEquals(3, run.exit(), run.err());
        assertEquals(24, run.outLines("mismatch"), run.out());
        assertEquals(10, run.outLines(" match"), run.out());
        for (String name : Printed.values().keySet()) {
            String verdict = Printed.isBackward(name) ? "mismatch" : "match";
            assertTrue(run.out().lines().anyMatch(l -> l.startsWith(name + " ")
                    && l.contains(" " + verdict)), name + " " + verdict + " in\n" + run.out());
        }
        assertTrue(run.out().contains("8 of 13 hand values wrong (24 of 34 given entries)"),
                run.out());
        assertEquals("", run.err());
    }

    @Test
    void check_on_a_copy_whose_hand_values_hold_the_right_numbers_exits_0() throws Exception {
        // given
        Path copy = Fixtures.folder(getClass(), "right").resolve("worked-example-right.xlsx");
        Trace right = GradientStep.take(Networks.workedExample());
        typeHandValues(Cli.EXAMPLE, copy, right);

        // when
        Cli.Result run = Cli.run("check", copy.toString());

        // then
        assertEquals(0, run.exit(), run.out() + run.err());
        assertEquals(0, run.outLines("mismatch"), run.out());
        assertEquals(34, run.outLines(" match"), run.out());
    }

    @Test
    void one_sign_flipped_by_hand_is_named_for_its_entry() throws Exception {
        // given: the right numbers, with the sign of ∂E/∂W₁[1, 2] dropped, as a student might
        Path right = Fixtures.folder(getClass(), "one-sign").resolve("right.xlsx");
        Path slip = right.resolveSibling("one-sign.xlsx");
        Trace values = GradientStep.take(Networks.workedExample());
        typeHandValues(Cli.EXAMPLE, right, values);
        try (InputStream in = Files.newInputStream(right);
                XSSFWorkbook wb = new XSSFWorkbook(in)) {
            AreaReference area = new AreaReference(wb.getName("hand_dE_dW_1")
                    .getRefersToFormula(), wb.getSpreadsheetVersion());
            CellReference first = area.getFirstCell();
            var cell = wb.getSheet(first.getSheetName()).getRow(first.getRow())
                    .getCell(first.getCol() + 1);
            cell.setCellValue(-cell.getNumericCellValue());
            try (OutputStream out = Files.newOutputStream(slip)) {
                wb.write(out);
            }
        }

        // when
        Cli.Result run = Cli.run("check", slip.toString());

        // then: exactly that entry, and why
        assertEquals(3, run.exit(), run.out() + run.err());
        assertEquals(1, run.outLines("mismatch"), run.out());
        String line = run.out().lines().filter(l -> l.contains("mismatch")).findFirst()
                .orElseThrow();
        assertTrue(line.startsWith("dE_dW_1  [1, 2]"), line);
        assertTrue(line.contains("the right value with the opposite sign, in the wrong entries"
                + " only"), line);
    }

    @Test
    void check_on_a_file_that_is_not_a_workbook_exits_1_with_one_clear_line() throws Exception {
        // given
        Path text = Fixtures.folder(getClass(), "notes").resolve("notes.xlsx");
        Files.writeString(text, "z_0 = 0, -0.5\n");

        // when
        Cli.Result run = Cli.run("check", text.toString());

        // then
        assertEquals(1, run.exit());
        assertEquals("", run.out());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("gradbook: notes.xlsx: not a spreadsheet"),
                run.err());
    }

    @Test
    void check_opens_a_protected_workbook_with_its_password_and_asks_for_it_without() {
        // given: the example template, encrypted as Excel does
        Path folder = Fixtures.folder(getClass(), "password");
        Path locked = Fixtures.encrypted(Cli.EXAMPLE, folder.resolve("locked.xlsx"), "s3cret");

        // when
        Cli.Result without = Cli.run("check", locked.toString());
        Cli.Result with = Cli.run("check", locked.toString(), "--password", "s3cret");
        Cli.Result plain = Cli.run("check", Cli.EXAMPLE.toString());

        // then: without it, one line that names the option; with it, the plain template's grades
        assertEquals(1, without.exit(), without.toString());
        assertEquals(1, without.err().lines().count(), without.err());
        assertTrue(without.err().contains("locked.xlsx")
                && without.err().contains("--password"), without.err());
        assertEquals(3, with.exit(), with.toString());
        assertEquals(plain.out().replace("worked-example.xlsx", "locked.xlsx"), with.out());
    }

    @Test
    void check_with_the_notebook_convention_matches_every_printed_value() {
        // given
        String template = Cli.EXAMPLE.toString();

        // when
        Cli.Result run = Cli.run("check", template, "--convention", "notebook");

        // then
        assertEquals(0, run.exit(), run.out());
        assertTrue(run.out().contains("0 of 13 hand values wrong (0 of 34 given entries)"));
    }

    @Test
    void check_grades_a_workbook_gradbook_wrote_into_which_values_were_typed() throws Exception {
        // given
        Path folder = Fixtures.folder(getClass(), "typed");
        Path written = folder.resolve("example-output.xlsx");
        Cli.run("run", Cli.EXAMPLE.toString(), "-o", written.toString());
        Path typed = folder.resolve("example-output-typed.xlsx");
        typeHandValues(written, typed, GradientStep.take(Networks.workedExample()));

        // when
        Cli.Result before = Cli.run("check", written.toString());
        Cli.Result after = Cli.run("check", typed.toString());

        // then
        assertEquals(3, before.exit(), before.err());
        assertEquals(0, after.exit(), after.out() + after.err());
    }

    @Test
    void json_lists_each_quantity_with_its_verdict_causes_and_entries() {
        // given
        String template = Cli.EXAMPLE.toString();

        // when
        Cli.Result run = Cli.run("check", template, "--format", "json");

        // then
        assertEquals(3, run.exit());
        JsonObject json = JsonParser.parseString(run.out()).getAsJsonObject();
        assertEquals("gradbook-audit", json.get("format").getAsString());
        assertEquals(false, json.get("all_match").getAsBoolean());
        assertEquals(24, json.getAsJsonObject("summary").get("entries_wrong").getAsInt());
        JsonObject dE_dW_1 = json.getAsJsonArray("quantities").get(5).getAsJsonObject();
        assertEquals("dE_dW_1", dE_dW_1.get("name").getAsString());
        JsonArray causes = dE_dW_1.getAsJsonArray("causes");
        assertEquals("negated+transposed", causes.get(0).getAsJsonObject().get("code")
                .getAsString());
        assertEquals("notebook", causes.get(1).getAsJsonObject().get("code").getAsString());
        JsonObject first = dE_dW_1.getAsJsonArray("entries").get(0).getAsJsonObject();
        assertEquals(0.0739498, first.get("hand").getAsDouble());
        assertEquals("'Hand Values'!B15", first.get("cell").getAsString());
    }

    @Test
    void csv_has_a_header_and_one_quoted_row_per_entry() {
        // given
        String template = Cli.EXAMPLE.toString();

        // when
        Cli.Result run = Cli.run("check", template, "--format", "csv");

        // then
        List<String> lines = run.out().lines().toList();
        assertEquals(String.join(",", AuditReport.CSV_COLUMNS), lines.get(0));
        assertEquals(35, lines.size());
        assertTrue(run.out().contains("\r\n"), "CRLF line ends");
        assertTrue(lines.get(11).startsWith("worked-example.xlsx,dE_dW_1,1,1,"
                + "'Hand Values'!B15,0.0739498,"), lines.get(11));
        assertTrue(lines.get(11).endsWith(",mismatch,negated+transposed;notebook,"
                + "\"the right value with the opposite sign, transposed; or the notebook"
                + " convention's value (the document's code)\""), lines.get(11));
    }

    @Test
    void a_bad_format_or_tolerance_is_a_usage_error() {
        // when
        Cli.Result format = Cli.run("check", Cli.EXAMPLE.toString(), "--format", "xml");
        Cli.Result tolerance = Cli.run("check", Cli.EXAMPLE.toString(), "--tolerance", "-1");

        // then
        assertEquals(2, format.exit());
        assertTrue(format.err().startsWith("Invalid value for option '--format': 'xml'"),
                format.err());
        assertEquals(2, tolerance.exit());
        assertTrue(tolerance.err().contains("'-1' is not a relative tolerance"), tolerance.err());
    }

    @Test
    void a_looser_tolerance_accepts_values_rounded_to_fewer_digits() throws Exception {
        // given
        Path copy = Fixtures.folder(getClass(), "three-digits")
                .resolve("worked-example-three-digits.xlsx");
        Trace right = GradientStep.take(Networks.workedExample());
        typeHandValues(Cli.EXAMPLE, copy, right, 3);

        // when
        Cli.Result strict = Cli.run("check", copy.toString());
        Cli.Result loose = Cli.run("check", copy.toString(), "--tolerance", "5e-3");

        // then
        assertEquals(3, strict.exit());
        assertEquals(0, loose.exit(), loose.out());
    }

    static void typeHandValues(Path from, Path to, Trace values) throws Exception {
        typeHandValues(from, to, values, 17);
    }

    /** A copy of {@code from} whose hand_ cells hold {@code values}, to {@code digits}. */
    static void typeHandValues(Path from, Path to, Trace values, int digits) throws Exception {
        try (InputStream in = Files.newInputStream(from);
                XSSFWorkbook wb = new XSSFWorkbook(in)) {
            for (Name name : wb.getAllNames()) {
                if (!name.getNameName().startsWith("hand_")) {
                    continue;
                }
                String quantity = name.getNameName().substring(5);
                AreaReference area = new AreaReference(name.getRefersToFormula(),
                        wb.getSpreadsheetVersion());
                CellReference first = area.getFirstCell();
                boolean row = first.getRow() == area.getLastCell().getRow();
                var value = values.value(quantity);
                var sheet = wb.getSheet(first.getSheetName());
                for (CellReference c : area.getAllReferencedCells()) {
                    int i = c.getRow() - first.getRow();
                    int j = c.getCol() - first.getCol();
                    double v = value.cols() == 1 && row ? value.get(j, 0) : value.get(i, j);
                    double rounded = new java.math.BigDecimal(v)
                            .round(new java.math.MathContext(digits)).doubleValue();
                    sheet.getRow(c.getRow()).getCell(c.getCol()).setCellValue(rounded);
                }
            }
            try (OutputStream out = Files.newOutputStream(to)) {
                wb.write(out);
            }
        }
    }
}
