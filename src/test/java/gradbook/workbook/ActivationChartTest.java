package gradbook.workbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFGraphicFrame;
import org.apache.poi.xssf.usermodel.XSSFShape;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTPlotArea;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTScatterSer;

/** Issue #4: the activation sheet plots S(x) as a native chart over its table. */
class ActivationChartTest {
    private static final Path FOLDER = Path.of("target", "activation-chart");

    @Test
    void plots_S_as_a_line_through_the_table_s_points() throws Exception {
        // given
        Generated g = Generated.fromTemplate(Path.of("templates", "worked-example.xlsx"),
                FOLDER, "example");

        // when
        try (XSSFWorkbook wb = RoundTripCheck.open(g.file())) {
            List<XSSFChart> charts = charts(wb.getSheet(SheetPlan.ACTIVATION));

            // then
            assertEquals(1, charts.size(), "charts on the activation sheet");
            CTPlotArea plot = charts.get(0).getCTChart().getPlotArea();
            assertEquals(1, plot.sizeOfScatterChartArray(), "scatter charts in the plot area");
            CTScatterSer series = plot.getScatterChartArray(0).getSerArray(0);
            assertEquals("Activation!$B$5:$B$45", series.getXVal().getNumRef().getF(), "x");
            assertEquals("Activation!$C$5:$C$45", series.getYVal().getNumRef().getF(), "S(x)");
            assertEquals(41, series.getYVal().getNumRef().getNumCache().sizeOfPtArray(),
                    "points stored for programs that draw before they recalculate");
            assertEquals(ActivationChart.TITLE, charts.get(0).getTitleText().getString());
        }
    }

    @Test
    void stands_beside_the_table_not_over_it() throws Exception {
        // given
        Generated g = Generated.fromTemplate(Path.of("templates", "worked-example.xlsx"),
                FOLDER, "beside");

        // when
        XSSFClientAnchor anchor;
        try (XSSFWorkbook wb = RoundTripCheck.open(g.file())) {
            anchor = chartAnchor(wb.getSheet(SheetPlan.ACTIVATION));
        }

        // then the table takes columns A to E
        assertTrue(anchor.getCol1() > 4, "the chart starts in column " + (anchor.getCol1() + 1)
                + ", over the table");
    }

    // Issue #7: the table and chart show the activations in use, never S where none uses it.
    @Test
    void plots_each_activation_in_use_and_names_softmax_below_the_table() throws Exception {
        // given relu, identity and sigmoid
        Generated g = Generated.fromNetwork(SampleNetworks.withFunctions(), FOLDER, "three");
        Generated classifier = Generated.fromTemplate(
                Path.of("templates", "classifier-example.xlsx"), FOLDER, "classifier");

        // when
        try (XSSFWorkbook wb = RoundTripCheck.open(g.file());
                XSSFWorkbook tanh = RoundTripCheck.open(classifier.file())) {
            XSSFSheet sheet = wb.getSheet(SheetPlan.ACTIVATION);
            CTPlotArea plot = charts(sheet).get(0).getCTChart().getPlotArea();
            XSSFSheet tanhSheet = tanh.getSheet(SheetPlan.ACTIVATION);

            // then
            assertEquals(3, plot.getScatterChartArray(0).sizeOfSerArray(), "series");
            assertEquals(List.of("relu(x), Java", "identity(x), Java", "S(x), Java"),
                    List.of(sheet.getRow(3).getCell(2).getStringCellValue(),
                            sheet.getRow(3).getCell(5).getStringCellValue(),
                            sheet.getRow(3).getCell(8).getStringCellValue()));
            assertEquals("Activation!$F$5:$F$45", plot.getScatterChartArray(0).getSerArray(1)
                    .getYVal().getNumRef().getF(), "identity's points");
            assertEquals("tanh(x) = (e^x − e^−x) / (e^x + e^−x) on [−10, 10]",
                    charts(tanhSheet).get(0).getTitleText().getString());
            assertEquals("tanh(x), Java", tanhSheet.getRow(3).getCell(2).getStringCellValue());
            assertTrue(tanhSheet.getRow(46).getCell(0).getStringCellValue()
                    .startsWith("softmax, on the last layer"), "the note on softmax");
        }
    }

    static List<XSSFChart> charts(XSSFSheet sheet) {
        assertNotNull(sheet.getDrawingPatriarch(), sheet.getSheetName() + " has no drawing");
        return sheet.getDrawingPatriarch().getCharts();
    }

    /** Where the sheet's one chart is anchored. */
    static XSSFClientAnchor chartAnchor(XSSFSheet sheet) {
        assertNotNull(sheet.getDrawingPatriarch(), sheet.getSheetName() + " has no drawing");
        for (XSSFShape shape : sheet.getDrawingPatriarch().getShapes()) {
            if (shape instanceof XSSFGraphicFrame frame) {
                return (XSSFClientAnchor) frame.getAnchor();
            }
        }
        throw new AssertionError(sheet.getSheetName() + " has no chart");
    }
}
