package gradbook.workbook;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.PresetColor;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.ScatterStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFScatterChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTValAx;

/**
 * The document's plot of S(x) on [−10, 10], as a native chart over the activation table: a line
 * through the table's (x, S(x)) points that Excel, LibreOffice and gnumeric draw themselves.
 */
final class ActivationChart {
    static final String TITLE = "S(x) = 1 / (1 + e^−x) on [−10, 10]";
    /** The chart's size in cells. */
    private static final int COLUMNS = 7;
    private static final int ROWS = 22;

    private ActivationChart() {
    }

    /**
     * Draws the chart with its top-left corner at ({@code row}, {@code col}), plotting the
     * column {@code xs} against the column {@code ys} of the same sheet.
     */
    static XSSFChart draw(XSSFSheet sheet, CellRangeAddress xs, CellRangeAddress ys, int row,
            int col) {
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, col, row, col + COLUMNS,
                row + ROWS);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText(TITLE);
        chart.setTitleOverlay(false);

        XDDFValueAxis xAxis = chart.createValueAxis(AxisPosition.BOTTOM);
        xAxis.setTitle("x");
        xAxis.setMinimum(-10);
        xAxis.setMaximum(10);
        xAxis.setMajorUnit(2);
        xAxis.setNumberFormat("0");
        XDDFValueAxis sAxis = chart.createValueAxis(AxisPosition.LEFT);
        sAxis.setTitle("S(x)");
        sAxis.setMinimum(0);
        sAxis.setMaximum(1);
        sAxis.setMajorUnit(0.25);
        sAxis.setNumberFormat("0.00");
        sAxis.setCrosses(AxisCrosses.MIN);
        xAxis.setCrosses(AxisCrosses.MIN);

        XDDFScatterChartData data = (XDDFScatterChartData) chart.createData(ChartTypes.SCATTER,
                xAxis, sAxis);
        data.setStyle(ScatterStyle.LINE);
        data.setVaryColors(false);
        XDDFScatterChartData.Series series = (XDDFScatterChartData.Series) data.addSeries(
                XDDFDataSourcesFactory.fromNumericCellRange(sheet, xs),
                XDDFDataSourcesFactory.fromNumericCellRange(sheet, ys));
        series.setTitle("S(x)", null);
        series.setSmooth(false);
        series.setMarkerStyle(MarkerStyle.NONE);
        series.setShapeProperties(line());
        chart.plot(data);
        // The axes' own formats, not the table's six significant digits.
        for (CTValAx axis : chart.getCTChart().getPlotArea().getValAxArray()) {
            axis.getNumFmt().setSourceLinked(false);
        }
        return chart;
    }

    private static XDDFShapeProperties line() {
        XDDFLineProperties line = new XDDFLineProperties();
        line.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(PresetColor.ROYAL_BLUE)));
        line.setWidth(2.0);
        XDDFShapeProperties shape = new XDDFShapeProperties();
        shape.setLineProperties(line);
        return shape;
    }
}
