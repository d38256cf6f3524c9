package gradbook.workbook;

import org.apache.poi.xddf.usermodel.PresetColor;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.ScatterStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFScatterChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTValAx;

/**
 * The loss after each step of a training run, as a native chart over the Training sheet's
 * table: a line through its (t, E) points, drawn by the spreadsheet program itself, as
 * {@link ActivationChart} draws the activations.
 */
final class LossChart {
    static final String TITLE = "E after each step";
    /** The chart's size in cells. */
    private static final int COLUMNS = 7;
    private static final int ROWS = 22;

    private LossChart() {
    }

    /** Draws E ({@code losses}) against the step ({@code steps}) from ({@code row}, {@code col}). */
    static XSSFChart draw(XSSFSheet sheet, ChartColumn steps, ChartColumn losses,
            int lastStep, int row, int col) {
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, col, row, col + COLUMNS,
                row + ROWS);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText(TITLE);
        chart.setTitleOverlay(false);

        XDDFValueAxis stepAxis = chart.createValueAxis(AxisPosition.BOTTOM);
        stepAxis.setTitle("step t");
        stepAxis.setMinimum(1);
        stepAxis.setMaximum(lastStep);
        stepAxis.setNumberFormat("0");
        XDDFValueAxis lossAxis = chart.createValueAxis(AxisPosition.LEFT);
        lossAxis.setTitle("E");
        lossAxis.setNumberFormat("General");
        XDDFScatterChartData data = ActivationChart.lines(chart, stepAxis, lossAxis,
                ScatterStyle.LINE_MARKER);
        XDDFScatterChartData.Series series = ActivationChart.series(data, sheet, steps, losses,
                "E after step t", PresetColor.ROYAL_BLUE);
        series.setMarkerStyle(lastStep <= 50 ? MarkerStyle.CIRCLE : MarkerStyle.NONE);
        chart.plot(data);
        for (CTValAx axis : chart.getCTChart().getPlotArea().getValAxArray()) {
            axis.getNumFmt().setSourceLinked(false);
        }
        return chart;
    }
}
