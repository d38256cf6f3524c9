package gradbook.workbook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gradbook.core.Networks;
import java.nio.file.Path;
import java.util.Random;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Issue #4: how the generated sheets print and scroll. */
class PrintLayoutTest {
    private static final Path FOLDER = Path.of("target", "print-layout");
    private static final Path EXAMPLE = Path.of("templates", "worked-example.xlsx");

    @Test
    void sets_a_print_area_over_everything_each_sheet_shows() throws Exception {
        // given
        Generated g = Generated.fromTemplate(EXAMPLE, FOLDER, "example");

        // when
        try (XSSFWorkbook wb = RoundTripCheck.open(g.file())) {
            for (String name : g.sheets()) {
                XSSFSheet sheet = wb.getSheet(name);
                AreaReference area = printArea(wb, sheet);

                // then
                int lastCol = 0;
                for (Row row : sheet) {
                    lastCol = Math.max(lastCol, row.getLastCellNum() - 1);
                }
                assertEquals(0, area.getFirstCell().getRow(), name + ": first printed row");
                assertEquals(sheet.getLastRowNum(), area.getLastCell().getRow(),
                        name + ": last printed row");
                assertTrue(area.getLastCell().getCol() >= lastCol, name + ": printed columns "
                        + area.formatAsString() + " miss column " + lastCol);
            }
        }
    }

    @Test
    void prints_the_activation_sheet_with_its_chart_on_one_page() throws Exception {
        // given
        Generated g = Generated.fromTemplate(EXAMPLE, FOLDER, "activation");

        // when
        try (XSSFWorkbook wb = RoundTripCheck.open(g.file())) {
            XSSFSheet sheet = wb.getSheet(SheetPlan.ACTIVATION);
            AreaReference area = printArea(wb, sheet);
            XSSFClientAnchor chart = ActivationChartTest.chartAnchor(sheet);

            // then
            assertEquals(1, sheet.getPrintSetup().getFitWidth(), "pages wide");
            assertEquals(1, sheet.getPrintSetup().getFitHeight(), "pages tall");
            assertTrue(area.getLastCell().getCol() >= chart.getCol2() - 1, "the print area "
                    + area.formatAsString() + " leaves out the chart's columns");
            assertTrue(area.getLastCell().getRow() >= chart.getRow2(), "the print area "
                    + area.formatAsString() + " leaves out the chart's rows");
        }
    }

    @Test
    void breaks_pages_only_between_quantities() throws Exception {
        // given a deep network, whose sheets run over several pages
        Generated g = Generated.fromNetwork(Networks.random(new Random(11), 4, 5, 5, 4, 3),
                FOLDER, "deep");

        // when
        int breaks = 0;
        try (XSSFWorkbook wb = RoundTripCheck.open(g.file())) {
            for (String name : g.sheets()) {
                XSSFSheet sheet = wb.getSheet(name);
                for (int r : sheet.getRowBreaks()) {
                    breaks++;

                    // then the row above the break's last row is blank or the row itself is
                    assertTrue(isBlank(sheet.getRow(r)), name + ": a page breaks after row "
                            + (r + 1) + ", which is inside a quantity");
                }
            }
        }
        assertTrue(breaks > 0, "expected the deep network's sheets to need page breaks");
    }

    @Test
    void prints_a_wide_sheet_one_block_per_page_beside_the_labels() throws Exception {
        // given a network six units wide, whose weights need 3 × 6 + 2 columns of values
        Generated g = Generated.fromNetwork(Networks.random(new Random(3), 6, 6, 6), FOLDER,
                "wide");

        // when
        try (XSSFWorkbook wb = RoundTripCheck.open(g.file())) {
            XSSFSheet sheet = wb.getSheet(SheetPlan.NETWORK);

            // then pages break after columns H and O, before the formula and difference blocks
            assertArrayEquals(new int[] {7, 14}, sheet.getColumnBreaks(), "column breaks");
            assertEquals(3, sheet.getPrintSetup().getFitWidth(), "pages wide");
            assertEquals(CellRangeAddress.valueOf("A:A"), sheet.getRepeatingColumns(),
                    "columns printed on every page");
            assertNull(sheet.getRepeatingRows(), "rows printed on every page, besides column A:"
                    + " gnumeric cannot read both");
            assertEquals("formula", text(sheet, 8), "the header after the first break");
            assertEquals("formula − Java", text(sheet, 15), "the header after the second break");
        }
    }

    @Test
    void prints_the_example_s_sheets_one_page_wide() throws Exception {
        // given
        Generated g = Generated.fromTemplate(EXAMPLE, FOLDER, "one-wide");

        // when
        try (XSSFWorkbook wb = RoundTripCheck.open(g.file())) {
            for (String name : g.sheets()) {
                if (name.equals(GradientCheckSheet.NAME)) {
                    continue; // two columns per checked entry: see the test below
                }
                XSSFSheet sheet = wb.getSheet(name);

                // then
                assertEquals(1, sheet.getPrintSetup().getFitWidth(), name + ": pages wide");
                assertEquals(0, sheet.getColumnBreaks().length, name + ": column breaks");
                assertEquals(CellRangeAddress.valueOf("1:1"), sheet.getRepeatingRows(),
                        name + ": the heading row repeats on each page");
                assertTrue(sheet.getFooter().getCenter().contains("&P"),
                        name + ": the footer gives the page");
            }
        }
    }

    @Test
    void prints_the_gradient_check_a_few_entries_per_page_beside_its_row_labels()
            throws Exception {
        // given: the example checks 12 entries, in 24 columns after the labels
        Generated g = Generated.fromTemplate(EXAMPLE, FOLDER, "gradient-check");

        // when
        try (XSSFWorkbook wb = RoundTripCheck.open(g.file())) {
            XSSFSheet sheet = wb.getSheet(GradientCheckSheet.NAME);

            // then
            int perPage = 2 * GradientCheckSheet.PROBES_PER_PAGE;
            assertEquals(3, sheet.getPrintSetup().getFitWidth(), "pages wide");
            assertArrayEquals(new int[] {perPage, 2 * perPage}, sheet.getColumnBreaks(),
                    "a break after every " + perPage + " columns of passes");
            assertEquals(CellRangeAddress.valueOf("A:A"), sheet.getRepeatingColumns(),
                    "the row labels repeat on each page");
            assertTrue(sheet.getPrintSetup().getLandscape(), "landscape");
        }
    }

    @Test
    void freezes_the_heading_and_labels_of_a_long_sheet_only() throws Exception {
        // given
        Generated g = Generated.fromTemplate(EXAMPLE, FOLDER, "panes");

        // when
        try (XSSFWorkbook wb = RoundTripCheck.open(g.file())) {
            var derivatives = wb.getSheet(SheetPlan.DERIVATIVES).getPaneInformation();
            var activation = wb.getSheet(SheetPlan.ACTIVATION).getPaneInformation();
            var firstLayer = wb.getSheet("First Layer").getPaneInformation();

            // then
            assertNotNull(derivatives, "the Derivatives sheet, 75 rows long, has frozen panes");
            assertEquals(1, derivatives.getHorizontalSplitPosition(), "rows kept in view");
            assertEquals(1, derivatives.getVerticalSplitPosition(), "columns kept in view");
            assertNotNull(activation, "the activation table, 45 rows long, has frozen panes");
            assertEquals(4, activation.getHorizontalSplitPosition(), "the table's headers stay");
            assertNull(firstLayer, "the First Layer sheet fits a screen");
        }
    }

    private static AreaReference printArea(XSSFWorkbook wb, XSSFSheet sheet) {
        String area = wb.getPrintArea(wb.getSheetIndex(sheet));
        assertNotNull(area, sheet.getSheetName() + ": expected a print area");
        return new AreaReference(area, SpreadsheetVersion.EXCEL2007);
    }

    private static boolean isBlank(Row row) {
        if (row == null) {
            return true;
        }
        for (Cell cell : row) {
            if (!cell.toString().isEmpty()) {
                return false;
            }
        }
        return true;
    }

    // The header, in column c, of the first quantity on the sheet.
    private static String text(XSSFSheet sheet, int c) {
        for (Row row : sheet) {
            Cell cell = row.getCell(c);
            if (cell != null && !cell.toString().isEmpty()) {
                return cell.getStringCellValue();
            }
        }
        return null;
    }
}
