package gradbook.workbook;

import gradbook.core.Activation;
import java.util.List;
import org.apache.poi.xddf.usermodel.PresetColor;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
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
 * The document's plot of S(x) on [−10, 10], as a native chart over the activation table: a line
 * through the table's (x, f(x)) points for each activation in use, which Excel, LibreOffice and
 * gnumeric draw themselves.
 */
final class ActivationChart {
    static final String TITLE = "S(x) = 1 / (1 + e^−x) on [−10, 10]";
    private static final PresetColor[] COLORS = {PresetColor.ROYAL_BLUE, PresetColor.DARK_ORANGE,
        PresetColor.FOREST_GREEN, PresetColor.CRIMSON};
    /** The chart's size in cells. */
    private static final int COLUMNS = 7;
    private static final int ROWS = 22;

    private ActivationChart() {
    }

    /** The chart's title: the document's for the sigmoid alone, else the functions shown. */
    static String title(List<Activation> functions) {
        if (functions.equals(List.of(Activation.SIGMOID))) {
            return TITLE;
        }
        return String.join(", ", functions.stream().map(Activation::formula).toList())
                + " on [−10, 10]";
    }

    /**
     * Draws the chart with its top-left corner at ({@code row}, {@code col}), plotting the
     * column {@code xs} against each column of {@code ys}, one per function, on the same sheet.
     */
    static XSSFChart draw(XSSFSheet sheet, ChartColumn xs, List<ChartColumn> ys,
            List<Activation> functions, int row, int col) {
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, col, row, col + COLUMNS,
                row + ROWS);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText(title(functions));
        chart.setTitleOverlay(false);

        XDDFValueAxis xAxis = chart.createValueAxis(AxisPosition.BOTTOM);
        xAxis.setTitle("x");
        xAxis.setMinimum(-10);
        xAxis.setMaximum(10);
        xAxis.setMajorUnit(2);
        xAxis.setNumberFormat("0");
        XDDFValueAxis fAxis = chart.createValueAxis(AxisPosition.LEFT);
        boolean sigmoid = functions.equals(List.of(Activation.SIGMOID));
        fAxis.setTitle(sigmoid ? "S(x)" : "f(x)");
        double low = functions.stream().mapToDouble(ActivationChart::low).min().orElse(0);
        double high = functions.stream().mapToDouble(ActivationChart::high).max().orElse(1);
        fAxis.setMinimum(low);
        fAxis.setMaximum(high);
        fAxis.setMajorUnit(high - low <= 1 ? 0.25 : high - low <= 2 ? 0.5 : 2);
        fAxis.setNumberFormat(high - low <= 2 ? "0.00" : "0");

        XDDFScatterChartData data = lines(chart, xAxis, fAxis, ScatterStyle.LINE);
        for (int n = 0; n < ys.size(); n++) {
            XDDFScatterChartData.Series series = series(data, sheet, xs, ys.get(n),
                    functions.get(n).symbol() + "(x)", COLORS[n % COLORS.length]);
            series.setMarkerStyle(MarkerStyle.NONE);
        }
        chart.plot(data);
        if (ys.size() > 1) {
            chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        }
        // The axes' own formats, not the table's six significant digits.
        for (CTValAx axis : chart.getCTChart().getPlotArea().getValAxArray()) {
            axis.getNumFmt().setSourceLinked(false);
        }
        return chart;
    }

    /** Scatter data of lines over the two value axes, which cross at their minimums. */
    static XDDFScatterChartData lines(XSSFChart chart, XDDFValueAxis x, XDDFValueAxis y,
            ScatterStyle style) {
        y.setCrosses(AxisCrosses.MIN);
        x.setCrosses(AxisCrosses.MIN);
        XDDFScatterChartData data = (XDDFScatterChartData) chart.createData(ChartTypes.SCATTER,
                x, y);
        data.setStyle(style);
        data.setVaryColors(false);
        return data;
    }

    /** The line through the points (xs, ys) of {@code sheet}, unsmoothed, in {@code color}. */
    static XDDFScatterChartData.Series series(XDDFScatterChartData data, XSSFSheet sheet,
            ChartColumn xs, ChartColumn ys, String title, PresetColor color) {
        XDDFScatterChartData.Series series = (XDDFScatterChartData.Series) data.addSeries(
                xs.source(sheet.getSheetName()), ys.source(sheet.getSheetName()));
        series.setTitle(title, null);
        series.setSmooth(false);
        series.setShapeProperties(line(color));
        return series;
    }

    // The range of f over [−10, 10], rounded out to a tidy axis.
    private static double low(Activation f) {
        return switch (f) {
            case TANH -> -1;
            case IDENTITY -> -10;
            default -> 0;
        };
    }

    private static double high(Activation f) {
        return f == Activation.RELU || f == Activation.IDENTITY ? 10 : 1;
    }

    /** A solid line two points wide, as every chart of the workbook draws its series. */
    static XDDFShapeProperties line(PresetColor color) {
        XDDFLineProperties line = new XDDFLineProperties();
        line.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(color)));
        line.setWidth(2.0);
        XDDFShapeProperties shape = new XDDFShapeProperties();
        shape.setLineProperties(line);
        return shape;
    }
}
