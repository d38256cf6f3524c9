package gradbook.workbook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gradbook.core.Matrix;
import gradbook.core.Network;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class TemplateReaderTest {
    private static final Path FOLDER = Path.of("target", "test-workbooks", "TemplateReaderTest");
    private static final Path WORKED_EXAMPLE = Path.of("templates", "worked-example.xlsx");

    @Test
    void reads_the_committed_worked_example_into_the_documents_network() throws Exception {
        // given
        Network document = SampleNetworks.workedExample();

        // when
        Template template = TemplateReader.read(WORKED_EXAMPLE);

        // then
        Network read = template.network();
        assertEquals(document.x(), read.x(), "x");
        assertEquals(document.y(), read.y(), "y");
        assertEquals(document.W(), read.W(), "W_0, W_1");
        assertEquals(document.b(), read.b(), "b_1, b_2");
        assertEquals(document.eta(), read.eta(), "eta");
        assertEquals("sheet Parameters, cells B8:C9 (range W_0)",
                template.inputs().get("W_0").where(), "where W_0 was read");
    }

    @Test
    void reads_vectors_given_as_columns_as_it_reads_them_as_rows() throws Exception {
        // given
        Path rows = handMade("vectors-as-rows", false);
        Path columns = handMade("vectors-as-columns", true);

        // when
        Network fromRows = TemplateReader.read(rows).network();
        Network fromColumns = TemplateReader.read(columns).network();

        // then
        assertEquals(SampleNetworks.workedExample(), fromRows, "vectors written as rows");
        assertEquals(SampleNetworks.workedExample(), fromColumns, "vectors written as columns");
    }

    @Test
    void reads_a_cell_whose_formula_gives_a_number() throws Exception {
        // given
        Path file = fixture("formula-cell", wb -> cell(wb, "eta", 0, 0).setCellFormula("1/10"));

        // when
        Network read = TemplateReader.read(file).network();

        // then
        assertEquals(0.1, read.eta(), 1e-17, "eta from =1/10");
    }

    @Test
    void lists_the_names_present_and_expected_when_one_is_missing() throws Exception {
        // given
        Path file = fixture("missing-name", wb -> wb.removeName(wb.getName("b_2")));

        // when
        TemplateException e = assertThrows(TemplateException.class,
                () -> TemplateReader.read(file));

        // then
        assertEquals(List.of("missing-name.xlsx: the template does not define b_2"
                + " (found W_0, W_1, b_1, eta, x, y; a network of 2 layers needs"
                + " x, y, W_0, W_1, b_1, b_2, eta); define each as a name over the cells that"
                + " hold it"), e.problems());
    }

    @Test
    void reports_file_sheet_cell_and_range_when_a_weight_is_text() throws Exception {
        // given
        Path file = fixture("text-cell", wb -> cell(wb, "W_0", 0, 1).setCellValue("abc"));

        // when
        TemplateException e = assertThrows(TemplateException.class,
                () -> TemplateReader.read(file));

        // then
        assertEquals(List.of("text-cell.xlsx, sheet Parameters, cell " + address(file, "W_0", 0, 1)
                + " (range W_0): expected a number but found the text \"abc\"; type a number in"
                + " the cell"), e.problems());
    }

    @Test
    void reports_file_sheet_cell_and_range_when_a_bias_cell_is_empty() throws Exception {
        // given
        Path file = fixture("empty-cell", wb -> {
            Cell c = cell(wb, "b_1", 0, 1);
            c.getRow().removeCell(c);
        });

        // when
        TemplateException e = assertThrows(TemplateException.class,
                () -> TemplateReader.read(file));

        // then
        assertEquals(List.of("empty-cell.xlsx, sheet Parameters, cell "
                + address(file, "b_1", 0, 1) + " (range b_1): the cell is empty; type a number"
                + " in it"), e.problems());
    }

    @Test
    void reports_an_error_value_with_the_formula_that_gave_it() throws Exception {
        // given
        Path file = fixture("error-value", wb -> cell(wb, "x", 0, 0).setCellFormula("0/0"));

        // when
        TemplateException e = assertThrows(TemplateException.class,
                () -> TemplateReader.read(file));

        // then
        assertEquals(List.of("error-value.xlsx, sheet Parameters, cell "
                + address(file, "x", 0, 0) + " (range x): expected a number but found the error"
                + " #DIV/0! from its formula =0/0; type a number in the cell"), e.problems());
    }

    @Test
    void names_both_shapes_and_the_range_when_W_1_does_not_fit_the_layer_before()
            throws Exception {
        // given W_1 widened to 3 × 2 after a layer 2 wide
        Path file = fixture("shape-mismatch", wb -> {
            Name W_1 = wb.getName("W_1");
            AreaReference area = area(W_1);
            CellReference first = area.getFirstCell();
            Sheet sheet = wb.getSheet(first.getSheetName());
            int below = area.getLastCell().getRow() + 1;
            Row row = sheet.getRow(below) == null ? sheet.createRow(below) : sheet.getRow(below);
            row.createCell(first.getCol()).setCellValue(0.5);
            row.createCell(first.getCol() + 1).setCellValue(0.25);
            W_1.setRefersToFormula(area.getFirstCell().formatAsString() + ":"
                    + new CellReference(first.getSheetName(), below, first.getCol() + 1, true,
                            true).formatAsString(false));
        });

        // when
        TemplateException e = assertThrows(TemplateException.class,
                () -> TemplateReader.read(file));

        // then
        assertEquals(List.of("shape-mismatch.xlsx, sheet Parameters, cells "
                + address(file, "W_1", 0, 0) + ":" + address(file, "W_1", 2, 1)
                + " (range W_1): W_1 is 3 × 2 but a_0 has 2 entries: W_1 needs one row per"
                + " entry of a_0"), e.problems());
    }

    @Test
    void lists_every_problem_in_one_exception() throws Exception {
        // given
        Path file = fixture("several-problems", wb -> {
            cell(wb, "W_0", 1, 1).setCellValue("one");
            Cell c = cell(wb, "b_2", 0, 1);
            c.getRow().removeCell(c);
            cell(wb, "eta", 0, 0).setCellValue("fast");
        });

        // when
        TemplateException e = assertThrows(TemplateException.class,
                () -> TemplateReader.read(file));

        // then
        assertEquals(3, e.problems().size(), () -> "problems: " + e.problems());
        assertTrue(e.problems().get(0).contains("(range W_0): expected a number but found the"
                + " text \"one\""), e.problems().get(0));
        assertTrue(e.problems().get(1).contains("(range b_2): the cell is empty"),
                e.problems().get(1));
        assertTrue(e.problems().get(2).contains("(range eta): expected a number but found the"
                + " text \"fast\""), e.problems().get(2));
        for (String problem : e.problems()) {
            assertTrue(problem.startsWith("several-problems.xlsx, sheet Parameters, cell "),
                    problem);
            assertTrue(e.getMessage().contains(problem), "the message holds " + problem);
        }
    }

    @Test
    void never_writes_to_the_template_it_reads() throws Exception {
        // given
        Path file = fixture("read-only", wb -> cell(wb, "W_0", 0, 0).setCellValue("abc"));
        byte[] before = Files.readAllBytes(file);

        // when
        assertThrows(TemplateException.class, () -> TemplateReader.read(file));

        // then
        assertArrayEquals(before, Files.readAllBytes(file), "template bytes");
    }

    // ---------------------------------------------------------------------------------------
    // Fixtures: the worked example's template, changed the way a person might get it wrong.

    /** The worked example written by TemplateWriter, then changed by {@code change}. */
    private static Path fixture(String name, Consumer<XSSFWorkbook> change) throws IOException {
        Path file = Files.createDirectories(FOLDER).resolve(name + ".xlsx");
        TemplateWriter.write(SampleNetworks.workedExample(), "TemplateReaderTest: " + name, file);
        try (XSSFWorkbook workbook = open(file)) {
            change.accept(workbook);
            save(workbook, file);
        }
        return file;
    }

    /**
     * The worked example typed by hand on a sheet "Params": labels in column A, the numbers
     * from column C, vectors as rows or as columns.
     */
    private static Path handMade(String name, boolean vectorsAsColumns) throws IOException {
        Network n = SampleNetworks.workedExample();
        Path file = Files.createDirectories(FOLDER).resolve(name + ".xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("Params");
            int row = 1;
            row = put(workbook, sheet, row, "x", vector(n.x(), vectorsAsColumns));
            row = put(workbook, sheet, row, "y", vector(n.y(), vectorsAsColumns));
            row = put(workbook, sheet, row, "W_0", n.W().get(0));
            row = put(workbook, sheet, row, "W_1", n.W().get(1));
            row = put(workbook, sheet, row, "b_1", vector(n.b().get(0), vectorsAsColumns));
            row = put(workbook, sheet, row, "b_2", vector(n.b().get(1), vectorsAsColumns));
            put(workbook, sheet, row, "eta", Matrix.column(n.eta()));
            save(workbook, file);
        }
        return file;
    }

    private static Matrix vector(Matrix column, boolean asColumn) {
        return asColumn ? column : column.transpose();
    }

    private static int put(XSSFWorkbook workbook, Sheet sheet, int top, String name, Matrix m) {
        sheet.createRow(top).createCell(0).setCellValue(name);
        for (int i = 0; i < m.rows(); i++) {
            Row row = sheet.getRow(top + i) == null ? sheet.createRow(top + i)
                    : sheet.getRow(top + i);
            for (int j = 0; j < m.cols(); j++) {
                row.createCell(2 + j).setCellValue(m.get(i, j));
            }
        }
        Name n = workbook.createName();
        n.setNameName(name);
        n.setRefersToFormula("Params!$C$" + (top + 1) + ":$" + (char) ('C' + m.cols() - 1) + "$"
                + (top + m.rows()));
        return top + m.rows() + 1;
    }

    /** The cell that holds entry (i, j) of the name's area, as the template lays it out. */
    private static Cell cell(XSSFWorkbook workbook, String name, int i, int j) {
        CellReference first = area(workbook.getName(name)).getFirstCell();
        Row row = workbook.getSheet(first.getSheetName()).getRow(first.getRow() + i);
        Cell cell = row.getCell(first.getCol() + j);
        return cell == null ? row.createCell(first.getCol() + j) : cell;
    }

    private static String address(Path file, String name, int i, int j) throws IOException {
        try (XSSFWorkbook workbook = open(file)) {
            CellReference first = area(workbook.getName(name)).getFirstCell();
            return new CellReference(first.getRow() + i, first.getCol() + j).formatAsString();
        }
    }

    private static AreaReference area(Name name) {
        return new AreaReference(name.getRefersToFormula(), SpreadsheetVersion.EXCEL2007);
    }

    private static XSSFWorkbook open(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    private static void save(XSSFWorkbook workbook, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            workbook.write(out);
        }
    }
}
