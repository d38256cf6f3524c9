package gradbook.cli;

import static gradbook.cli.Cli.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gradbook.core.BatchGradient;
import gradbook.core.Loss;
import gradbook.core.Matrix;
import gradbook.core.Network;
import gradbook.workbook.TemplateReader;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 5, cells: what a parameter's cell may hold. The tests run under a German default
 * locale, whose decimal separator is ',', to show that the result never depends on it.
 */
class RunCommandCellsTest {
    private Locale saved;

    @BeforeEach
    void use_a_locale_whose_decimal_separator_is_a_comma() {
        saved = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
    }

    @AfterEach
    void restore_the_locale() {
        Locale.setDefault(saved);
    }

    @Test
    void reports_an_empty_cell() {
        TemplateCase c = sheetCase("empty", sheet -> sheet.getRow(7).removeCell(cell(sheet, "B8")));

        Cli.Result r = c.run();

        assertRefused(r, c.before, c.output,
                "t.xlsx, sheet Parameters, cell B8 (range W_0): the cell is empty");
    }

    @Test
    void reports_text_where_a_number_belongs() {
        TemplateCase c = sheetCase("text", sheet -> cell(sheet, "C9").setCellValue("abc"));

        Cli.Result r = c.run();

        assertRefused(r, c.before, c.output, "sheet Parameters, cell C9 (range W_0): expected a"
                + " number but found the text \"abc\"");
    }

    @Test
    void reads_a_number_stored_as_text_with_a_warning() throws Exception {
        // given: W_0's first entry 1 stored as " 0.5 "
        TemplateCase c = sheetCase("number-as-text",
                sheet -> cell(sheet, "B8").setCellValue(" 0.5 "));

        // when
        Cli.Result r = c.run();

        // then
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.err().contains("gradbook: warning: t.xlsx, sheet Parameters, cell B8"
                + " (range W_0): the number is stored as the text \" 0.5 \"; read it as 0.5"),
                r.toString());
        assertEquals(0.5, TemplateReader.read(c.template).network().W().get(0).get(0, 0), 0.0);
    }

    @Test
    void refuses_a_comma_as_decimal_separator_whatever_the_locale() {
        TemplateCase c = sheetCase("comma", sheet -> cell(sheet, "B18").setCellValue("0,5"));

        Cli.Result r = c.run();

        assertRefused(r, c.before, c.output, "cell B18 (range eta): expected a number but found"
                + " the text \"0,5\"", "'.' as the decimal separator", "type 0.5 as a number");
    }

    @Test
    void reports_a_truth_value() {
        TemplateCase c = sheetCase("boolean", sheet -> cell(sheet, "B6").setCellValue(true));

        Cli.Result r = c.run();

        assertRefused(r, c.before, c.output, "cell B6 (range x): expected a number but found the"
                + " truth value TRUE");
    }

    @Test
    void reports_a_date() {
        TemplateCase c = sheetCase("date", sheet -> {
            XSSFWorkbook wb = sheet.getWorkbook();
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            cell(sheet, "C6").setCellValue(java.time.LocalDate.of(2024, 3, 1));
            cell(sheet, "C6").setCellStyle(date);
        });

        Cli.Result r = c.run();

        assertRefused(r, c.before, c.output, "cell C6 (range x): expected a number but found the"
                + " date 2024-03-01", "format to Number");
    }

    @Test
    void reports_an_error_value_with_the_formula_that_gave_it() {
        TemplateCase c = sheetCase("error", sheet -> cell(sheet, "C8").setCellFormula("1/0"));

        Cli.Result r = c.run();

        assertRefused(r, c.before, c.output, "cell C8 (range W_0): expected a number but found"
                + " the error #DIV/0! from its formula =1/0");
    }

    @Test
    void evaluates_a_formula() throws Exception {
        TemplateCase c = sheetCase("formula",
                sheet -> cell(sheet, "B18").setCellFormula("0.025*4"));

        Cli.Result r = c.run();

        assertEquals(0, r.exit(), r.toString());
        assertEquals(0.1, TemplateReader.read(c.template).network().eta(), 1e-17);
    }

    @Test
    void names_the_formula_it_cannot_evaluate() {
        TemplateCase c = sheetCase("formula-unsupported",
                sheet -> cell(sheet, "B18").setCellFormula("INFO(\"osversion\")"));

        Cli.Result r = c.run();

        assertRefused(r, c.before, c.output, "cell B18 (range eta): its formula"
                + " =INFO(\"osversion\") cannot be evaluated", "the function INFO",
                "replace it with its value");
    }

    @Test
    void reports_cells_inside_a_merged_area_and_reads_a_merged_single_value() throws Exception {
        // given: B8:C8 merged inside W_0; eta over the merged B18:C18
        TemplateCase c = sheetCase("merged", sheet -> {
            sheet.addMergedRegion(CellRangeAddress.valueOf("B8:C8"));
            sheet.getRow(7).removeCell(cell(sheet, "C8"));
            sheet.addMergedRegion(CellRangeAddress.valueOf("B18:C18"));
            sheet.getWorkbook().getName("eta").setRefersToFormula("'Parameters'!$B$18:$C$18");
        });

        // when
        Cli.Result r = c.run();

        // then: only the cell hidden by the merge is a problem
        assertRefused(r, c.before, c.output, "cell C8 (range W_0): the cell is inside the merged"
                + " cells B8:C8, whose value is in B8; unmerge them");
        assertEquals(1, r.errLines().size(), r.toString());
    }

    @Test
    void reads_a_percentage_as_its_fraction() throws Exception {
        TemplateCase c = sheetCase("percent", sheet -> {
            XSSFWorkbook wb = sheet.getWorkbook();
            CellStyle percent = wb.createCellStyle();
            percent.setDataFormat(wb.createDataFormat().getFormat("0%"));
            cell(sheet, "B18").setCellValue(0.5);
            cell(sheet, "B18").setCellStyle(percent);
        });

        Cli.Result r = c.run();

        assertEquals(0, r.exit(), r.toString());
        assertEquals(0.5, TemplateReader.read(c.template).network().eta(), 0.0);
    }

    @Test
    void reports_an_overflowing_formula_and_a_stored_nan() {
        // given: =1E308*10 in W_1, and NaN written into B16's value by hand
        TemplateCase c = sheetCase("nan-infinite", sheet -> {
            cell(sheet, "B11").setCellFormula("1E308*10");
            cell(sheet, "B16").setCellValue(123.25);
        });
        Fixtures.rewritePart(c.template, "xl/worksheets/sheet1.xml",
                xml -> xml.replace("<v>123.25</v>", "<v>NaN</v>"));
        Cli.Snapshot before = Cli.Snapshot.of(c.template);

        // when
        Cli.Result r = c.run();

        // then: both in one run
        assertRefused(r, before, c.output, "cell B11 (range W_1): expected a number but found the"
                + " error #NUM! from its formula =1E308*10", "cell B16 (range b_2): expected a"
                + " number but found the non-finite number NaN");
    }

    @Test
    void reports_a_step_that_overflows_double_precision() {
        // given: numbers that are finite but whose weighted sum is not
        Network worked = Fixtures.workedExample();
        Network huge = new Network(Matrix.column(1e308, 1e308), worked.y(),
                java.util.List.of(Matrix.filled(2, 2, 2), worked.W().get(1)), worked.b(), 0.1);
        Path folder = Fixtures.folder(getClass(), "overflow");
        Path template = Fixtures.template(huge, folder.resolve("t.xlsx"));
        Path output = folder.resolve("out.xlsx");
        Cli.Snapshot before = Cli.Snapshot.of(template);

        // when
        Cli.Result r = Cli.run("run", template, "-o", output);

        // then
        assertRefused(r, before, output, "t.xlsx: z_0 entry (1, 1) is Infinity",
                "too large for one step in double precision",
                "the largest is 1.0E308 in sheet Parameters, cell B6 (range x)");
    }

    // Issue #7: a saturated output under cross-entropy is not an overflow of the numbers.
    @Test
    void reports_an_output_saturated_under_cross_entropy() {
        // given: the example with z_1 near −3000, whose sigmoid rounds to 0 where y is 1
        Network worked = Fixtures.workedExample();
        Network saturated = new Network(worked.x(), worked.y(), java.util.List.of(
                worked.W().get(0), worked.W().get(1).scale(10000)), worked.b(), 0.1,
                Network.sigmoids(2), Loss.CROSS_ENTROPY, BatchGradient.SUM);
        Path folder = Fixtures.folder(getClass(), "saturated");
        Path template = Fixtures.template(saturated, folder.resolve("s.xlsx"));
        Path output = folder.resolve("out.xlsx");
        Cli.Snapshot before = Cli.Snapshot.of(template);

        // when
        Cli.Result r = Cli.run("run", template, "-o", output);

        // then
        assertRefused(r, before, output, "s.xlsx: ce_err entry (1, 1) is Infinity: under"
                + " cross_entropy an output of the last layer is exactly 0 or 1 in double"
                + " precision where its label is not, so ln a or its slope is infinite; use"
                + " smaller weights or inputs, or a squared loss");
    }

    private TemplateCase sheetCase(String name, Consumer<XSSFSheet> edit) {
        return new TemplateCase(getClass(), name, wb -> edit.accept(wb.getSheet("Parameters")));
    }

    private static Cell cell(XSSFSheet sheet, String address) {
        org.apache.poi.ss.util.CellReference ref = new org.apache.poi.ss.util.CellReference(
                address);
        Row row = sheet.getRow(ref.getRow()) == null ? sheet.createRow(ref.getRow())
                : sheet.getRow(ref.getRow());
        return row.getCell(ref.getCol()) == null ? row.createCell(ref.getCol())
                : row.getCell(ref.getCol());
    }
}
