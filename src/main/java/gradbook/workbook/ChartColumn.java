package gradbook.workbook;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;

/**
 * Cells a chart plots, with the numbers written in them: the chart refers to the cells and
 * caches the numbers, for programs that draw it without recalculating. The numbers are given,
 * not read back, since a streamed sheet's rows are on disk by the time its chart is drawn.
 */
record ChartColumn(CellRangeAddress cells, double[] values) {

    /** One column per range, {@code values[n]} the numbers of {@code cells.get(n)}. */
    static List<ChartColumn> of(List<CellRangeAddress> cells, double[][] values) {
        List<ChartColumn> columns = new ArrayList<>();
        for (int n = 0; n < cells.size(); n++) {
            columns.add(new ChartColumn(cells.get(n), values[n]));
        }
        return columns;
    }

    /** The column as a chart's data, referring to its cells on {@code sheet}. */
    XDDFNumericalDataSource<Double> source(String sheet) {
        Double[] boxed = new Double[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return XDDFDataSourcesFactory.fromArray(boxed, cells.formatAsString(sheet, true));
    }
}
