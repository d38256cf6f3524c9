package gradbook.workbook;

import gradbook.core.Matrix;
import gradbook.core.Quantity;
import gradbook.core.Trace;
import org.apache.poi.ss.util.CellReference;

/**
 * Refuses a gradient step whose numbers left double precision: a cell cannot hold an infinite
 * number or NaN, and a workbook full of them explains nothing. The message names the first
 * quantity that overflowed, in the document's order, and the largest number of the template.
 */
final class FiniteCheck {
    private FiniteCheck() {
    }

    static void check(Template template, Trace trace) throws TemplateException {
        for (Quantity q : trace.quantities()) {
            Matrix v = q.value();
            for (int i = 0; i < v.rows(); i++) {
                for (int j = 0; j < v.cols(); j++) {
                    if (!Double.isFinite(v.get(i, j))) {
                        throw new TemplateException(template.fileName() + ": " + q.name()
                                + " entry (" + (i + 1) + ", " + (j + 1) + ") is " + v.get(i, j)
                                + ": the template's numbers are too large for one step in"
                                + " double precision (the largest is " + largest(template, trace)
                                + "); use smaller values");
                    }
                }
            }
        }
    }

    private static String largest(Template template, Trace trace) {
        double max = -1;
        String where = "";
        for (Quantity q : trace.quantities()) {
            InputArea area = template.inputs().get(q.name());
            if (!q.isInput() || area == null) {
                continue;
            }
            for (int i = 0; i < q.value().rows(); i++) {
                for (int j = 0; j < q.value().cols(); j++) {
                    double a = Math.abs(q.value().get(i, j));
                    if (a > max) {
                        max = a;
                        where = q.value().get(i, j) + " in " + (area.holdsValue() ? area.where()
                                : "sheet " + area.sheet() + ", cell " + plain(area.cell(i, j))
                                        + " (range " + q.name() + ")");
                    }
                }
            }
        }
        return where;
    }

    private static String plain(CellReference cell) {
        return new CellReference(cell.getRow(), cell.getCol()).formatAsString();
    }
}
