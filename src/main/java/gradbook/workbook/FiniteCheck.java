package gradbook.workbook;

import gradbook.core.Matrix;
import gradbook.core.Operation;
import gradbook.core.Quantity;
import gradbook.core.Trace;
import org.apache.poi.ss.util.CellReference;

/**
 * Refuses a gradient step whose numbers left double precision: a cell cannot hold an infinite
 * number or NaN, and a workbook full of them explains nothing. The message names the first
 * quantity that overflowed, in the document's order, and the largest number of the template.
 * The entries the gradient check leaves out are NaN on purpose and pass.
 */
final class FiniteCheck {
    private FiniteCheck() {
    }

    static void check(Template template, Trace trace) throws TemplateException {
        for (Quantity q : trace.quantities()) {
            Matrix v = q.value();
            for (int i = 0; i < v.rows(); i++) {
                for (int j = 0; j < v.cols(); j++) {
                    if (!Double.isFinite(v.get(i, j)) && !unchecked(trace, q, i, j)) {
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

    // An entry the gradient check did not sample is NaN by design, in fd_… and in fd_diff_…
    // computed from it, and the workbook leaves it blank; an overflow in a sampled one is not.
    private static boolean unchecked(Trace trace, Quantity q, int i, int j) {
        Quantity fd = q.operation() == Operation.CENTRAL_DIFFERENCE ? q : null;
        for (String operand : q.operands()) {
            if (trace.get(operand).operation() == Operation.CENTRAL_DIFFERENCE) {
                fd = trace.get(operand);
            }
        }
        if (fd == null || !Double.isNaN(q.value().get(i, j))) {
            return false;
        }
        String parameter = fd.operands().get(0);
        return trace.probes().stream().noneMatch(
                p -> p.parameter().equals(parameter) && p.i() == i && p.j() == j);
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
